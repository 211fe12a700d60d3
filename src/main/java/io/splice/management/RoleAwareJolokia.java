package io.splice.management;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import io.netty.buffer.ByteBufInputStream;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.Utils;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.plugin.JolokiaPlatformHttpPlugin;
import org.apache.camel.support.service.ServiceSupport;
import org.jolokia.core.api.LogHandler;
import org.jolokia.json.JSONStructure;
import org.jolokia.server.core.config.ConfigKey;
import org.jolokia.server.core.config.StaticConfiguration;
import org.jolokia.server.core.http.HttpRequestHandler;
import org.jolokia.server.core.restrictor.policy.PolicyRestrictor;
import org.jolokia.server.core.service.JolokiaServiceManagerFactory;
import org.jolokia.server.core.service.api.JolokiaServiceManager;
import org.jolokia.service.jmx.LocalRequestHandler;
import org.jolokia.service.serializer.JolokiaSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jolokia (Hawtio's way in) with one allow-list policy per role: {@code jolokia/viewer-policy.xml} (reads of the
 * listed attributes) and {@code jolokia/operator-policy.xml} (those, and the listed operations). Every MBean,
 * attribute and operation neither names is refused. Bound in the registry as "jolokia", it replaces Camel's
 * Jolokia plugin, whose single policy cannot tell a viewer from an operator.
 */
public final class RoleAwareJolokia extends ServiceSupport implements JolokiaPlatformHttpPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(RoleAwareJolokia.class);

    private final Map<ManagementRole, JolokiaServiceManager> managers = new EnumMap<>(ManagementRole.class);
    private final Map<ManagementRole, HttpRequestHandler> handlers = new EnumMap<>(ManagementRole.class);
    private CamelContext camelContext;

    public RoleAwareJolokia() {
        for (ManagementRole role : ManagementRole.values()) {
            var config = new StaticConfiguration(ConfigKey.AGENT_ID,
                    org.jolokia.server.core.util.NetworkUtil.getAgentId(hashCode(), "splice-" + role.label()));
            JolokiaServiceManager manager = JolokiaServiceManagerFactory.createJolokiaServiceManager(config,
                    new JolokiaLog(LOG), policy(role));
            manager.addService(new JolokiaSerializer());
            manager.addService(new LocalRequestHandler(1));
            managers.put(role, manager);
        }
    }

    /** The allow-list policy of a role, from the classpath. */
    static PolicyRestrictor policy(ManagementRole role) {
        String resource = "jolokia/" + role.label() + "-policy.xml";
        try (InputStream policy = RoleAwareJolokia.class.getClassLoader().getResourceAsStream(resource)) {
            if (policy == null) {
                throw new IllegalStateException("Jolokia policy " + resource + " is missing from the classpath");
            }
            return new PolicyRestrictor(policy);
        } catch (IOException e) {
            throw new IllegalStateException("Jolokia policy " + resource + " cannot be read", e);
        }
    }

    @Override
    protected void doStart() {
        managers.forEach((role, manager) -> handlers.put(role, new HttpRequestHandler(manager.start())));
    }

    @Override
    protected void doStop() {
        managers.values().forEach(JolokiaServiceManager::stop);
        handlers.clear();
    }

    @Override
    public Object getHandler() {
        return (Handler<RoutingContext>) this::handle;
    }

    private void handle(RoutingContext context) {
        ManagementRole role = context.get(ManagementGuard.ROLE);
        HttpRequestHandler jolokia = role == null ? null : handlers.get(role);
        if (jolokia == null) {
            // the guard did not run: never answer without a role
            context.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(new JsonObject().put("status", 403).put("reason", "no management role").encode());
            return;
        }
        HttpServerRequest request = context.request();
        JSONStructure answer;
        int status = 200;
        try {
            jolokia.checkAccess(request.scheme(), request.remoteAddress().host(), request.remoteAddress().host(),
                    origin(request));
            if (request.method() == HttpMethod.GET) {
                String path = Utils.pathOffset(request.path(), context);
                JolokiaRequestTypes.requireAllowed(JolokiaRequestTypes.ofGet(request.getParam("p") != null
                        ? request.getParam("p") : path));
                answer = jolokia.handleGetRequest(request.uri(), path, parameters(request.params()));
            } else {
                if (context.body() == null || context.body().buffer() == null) {
                    throw new IllegalArgumentException("a Jolokia POST needs a body");
                }
                JolokiaRequestTypes.requireAllowed(JolokiaRequestTypes.ofPost(context.body().asString()));
                answer = jolokia.handlePostRequest(request.uri(), new ByteBufInputStream(context.body().buffer().getByteBuf()),
                        StandardCharsets.UTF_8.name(), parameters(request.params()));
            }
        } catch (Exception | LinkageError e) {
            status = e instanceof SecurityException ? 403 : 500;
            answer = jolokia.handleThrowable(e);
        }
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(answer == null ? "" : answer.toJSONString());
    }

    private static Map<String, String[]> parameters(MultiMap params) {
        Map<String, String[]> parameters = new HashMap<>();
        for (String name : params.names()) {
            parameters.put(name, params.getAll(name).toArray(new String[0]));
        }
        return parameters;
    }

    private static String origin(HttpServerRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            origin = request.getHeader(HttpHeaders.REFERER);
        }
        return origin == null ? "" : origin.replaceAll("[\\n\\r]*", "");
    }

    @Override
    public String getId() {
        return NAME;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    private record JolokiaLog(Logger log) implements LogHandler {
        @Override
        public void debug(String message) {
            log.debug(message);
        }

        @Override
        public void info(String message) {
            log.debug(message);
        }

        @Override
        public void error(String message, Throwable t) {
            log.error(message, t);
        }

        @Override
        public boolean isDebug() {
            return log.isDebugEnabled();
        }
    }
}
