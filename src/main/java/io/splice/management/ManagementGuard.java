package io.splice.management;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of every path of the management port: a user of the users file (HTTP Basic), then the role the path and
 * method need ({@link AccessPolicy}). 401 without a valid user, 403 when the role does not suffice or no rule allows
 * the request at all. The role is left in the routing context for Jolokia's per-role policies.
 */
public final class ManagementGuard implements Handler<RoutingContext> {

    /** The routing-context key of the authenticated user's {@link ManagementRole}. */
    public static final String ROLE = "splice.management.role";
    private static final Logger LOG = LoggerFactory.getLogger(ManagementGuard.class);
    /** The largest request body the management port accepts at all (the operator API bounds its own further). */
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final String REALM = "Basic realm=\"splice\"";

    private final ManagementUsers users;

    public ManagementGuard(ManagementUsers users) {
        this.users = users;
    }

    @Override
    public void handle(RoutingContext context) {
        Optional<String[]> credentials = credentials(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            refuse(context, 401, "a management user is needed");
            return;
        }
        String name = credentials.get()[0];
        String password = credentials.get()[1];
        // BCrypt is slow by design: never on the event loop. The request waits paused meanwhile, as in Vert.x's own
        // authentication handlers (a body or an h2c upgrade arriving in between would otherwise be lost)
        if (!context.request().isEnded()) {
            context.request().pause();
        }
        context.vertx().<Optional<ManagementRole>>executeBlocking(() -> users.authenticate(name, password), false)
                .onComplete(result -> {
                    if (!context.request().isEnded()) {
                        context.request().resume();
                    }
                    if (result.failed() || result.result().isEmpty()) {
                        LOG.info("Management request refused: unknown user or wrong password ({} {})",
                                context.request().method(), context.request().path());
                        refuse(context, 401, "unknown user or wrong password");
                        return;
                    }
                    authorize(context, name, result.result().get());
                });
    }

    private static void authorize(RoutingContext context, String name, ManagementRole role) {
        String method = context.request().method().name();
        String path = context.normalizedPath();
        Optional<ManagementRole> required = AccessPolicy.required(method, path);
        if (required.isEmpty()) {
            refuse(context, 403, method + " " + path + " is not allowed on the management port");
            return;
        }
        if (!role.includes(required.get())) {
            LOG.info("Management request refused: user {} ({}) may not {} {}", name, role.label(), method, path);
            refuse(context, 403, method + " " + path + " needs role " + required.get().label()
                    + "; user " + name + " has role " + role.label());
            return;
        }
        if (!bodyBounded(context)) {
            return;
        }
        context.put(ROLE, role);
        context.next();
    }

    /** A body streamed in chunks is refused (411), one longer than {@link #MAX_BODY_BYTES} too (413). */
    private static boolean bodyBounded(RoutingContext context) {
        String method = context.request().method().name();
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
            return true;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            // HTTP/1.1 says its length or streams chunks (refused: 411); HTTP/2 frames need no Content-Length
            if (context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                refuse(context, 411, "a request body needs a Content-Length");
                return false;
            }
            return true;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            refuse(context, 400, "Content-Length is not a number");
            return false;
        }
        if (bytes > MAX_BODY_BYTES) {
            refuse(context, 413, "a request body may have at most " + MAX_BODY_BYTES + " bytes");
            return false;
        }
        return true;
    }

    private static Optional<String[]> credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 1 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void refuse(RoutingContext context, int status, String reason) {
        var response = context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        if (status == 401) {
            response.putHeader("WWW-Authenticate", REALM);
        }
        response.end(new JsonObject().put("status", status).put("reason", reason).encode());
    }
}
