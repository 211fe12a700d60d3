package io.splice.management;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Service;
import org.apache.camel.component.platform.http.main.DefaultMainHttpServerFactory;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig;
import org.apache.camel.main.HttpManagementServerConfigurationProperties;
import org.apache.camel.main.HttpServerConfigurationProperties;
import org.apache.camel.main.MainHttpServerFactory;

/**
 * Camel Main's HTTP servers (the operator API's and the management one, usually one port) with {@link ManagementGuard}
 * in front of every path, in place of Camel's own Basic authentication (which knows neither hashed passwords nor
 * roles). Bound in the registry, Camel Main uses it instead of its default factory.
 */
public final class GuardedHttpServerFactory implements MainHttpServerFactory, CamelContextAware {

    private final DefaultMainHttpServerFactory servers = new DefaultMainHttpServerFactory();
    private final ManagementUsers users;

    public GuardedHttpServerFactory(ManagementUsers users) {
        this.users = users;
    }

    @Override
    public Service newHttpServer(CamelContext context, HttpServerConfigurationProperties configuration) {
        refuseCamelsOwnAuthentication(configuration.isAuthenticationEnabled(), "camel.server");
        MainHttpServer server = (MainHttpServer) servers.newHttpServer(context, configuration);
        guard(server.getConfiguration());
        return server;
    }

    @Override
    public Service newHttpManagementServer(CamelContext context, HttpManagementServerConfigurationProperties configuration) {
        refuseCamelsOwnAuthentication(configuration.isAuthenticationEnabled(), "camel.management");
        if (configuration.isSendEnabled() || configuration.isUploadEnabled() || configuration.isDownloadEnabled()
                || configuration.isDevConsoleEnabled()) {
            throw new IllegalArgumentException("camel.management send, upload, download and dev-console must stay off: "
                    + "they run any endpoint or touch files");
        }
        ManagementHttpServer server = (ManagementHttpServer) servers.newHttpManagementServer(context, configuration);
        guard(server.getConfiguration());
        return server;
    }

    private void guard(VertxPlatformHttpServerConfiguration configuration) {
        AuthenticationConfig.AuthenticationConfigEntry entry = new AuthenticationConfig.AuthenticationConfigEntry() {
            @Override
            public io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> createAuthenticationHandler(io.vertx.core.Vertx vertx) {
                return new ManagementGuard(users);
            }
        };
        entry.setPath("/*");
        configuration.getAuthenticationConfig().getEntries().clear();
        configuration.getAuthenticationConfig().getEntries().add(entry);
        configuration.getAuthenticationConfig().setEnabled(true);
    }

    private static void refuseCamelsOwnAuthentication(boolean enabled, String prefix) {
        if (enabled) {
            throw new IllegalArgumentException(prefix + ".authenticationEnabled must stay false: Splice's management "
                    + "guard authenticates every request (splice.management.users-file)");
        }
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        servers.setCamelContext(camelContext);
    }

    @Override
    public CamelContext getCamelContext() {
        return servers.getCamelContext();
    }
}
