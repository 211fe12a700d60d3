package io.splice.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.splice.management.GuardedHttpServerFactory;
import io.splice.management.ManagementUsers;
import io.splice.management.RoleAwareJolokia;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management HTTP server (health, Prometheus metrics, Jolokia for Hawtio, the operator API) runs only behind
 * Splice's guard: with a users file ({@code splice.management.users-file}: {@code user.<name>=<bcrypt hash>,<role>})
 * it is on and every request needs a user of that file and the role its path needs; without one it is off - never
 * open to anonymous callers.
 */
final class ManagementServer {

    static final String USERS_FILE = "splice.management.users-file";
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

    private ManagementServer() {
    }

    /** Binds the guard and Jolokia's per-role policies, and sets the camel.* properties that follow from the file. */
    static void configure(Main main, String usersFile) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (usersFile.isEmpty()) {
            LOG.info("Management endpoints (health, metrics, Jolokia, /api) are off: set {} to turn them on", USERS_FILE);
            properties.put("camel.management.enabled", "false");
            properties.put("camel.server.enabled", "false");
            properties.put("splice.api.enabled", "false");
        } else {
            // checked now: a users file others may read, or with a password in clear, stops Splice before it starts
            ManagementUsers users = ManagementUsers.read(Path.of(usersFile));
            main.bind("spliceHttpServers", new GuardedHttpServerFactory(users));
            main.bind(RoleAwareJolokia.NAME, new RoleAwareJolokia());
            properties.put("camel.management.enabled", "true");
            // the operator API (/api) shares the management port and its users
            properties.put("camel.server.enabled", "true");
            properties.put("splice.api.enabled", "true");
        }
        // Camel's own Basic authentication knows neither hashed passwords nor roles: the guard replaces it
        properties.put("camel.management.authenticationEnabled", "false");
        properties.put("camel.server.authenticationEnabled", "false");
        properties.forEach(main::addOverrideProperty);
    }
}
