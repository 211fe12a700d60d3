package io.splice.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management HTTP server (health, Prometheus metrics, Jolokia for Hawtio) runs only behind authentication: with a
 * users file ({@code splice.management.users-file}, Vert.x property-file format {@code user.<name>=<password>,<role>})
 * it is on, every request needs a user of that file; without one it is off — never open to anonymous callers.
 */
final class ManagementServer {

    static final String USERS_FILE = "splice.management.users-file";
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

    private ManagementServer() {
    }

    /** The camel.management.* properties that follow from the users file (or its absence). */
    static Map<String, String> configure(String usersFile) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (usersFile.isEmpty()) {
            LOG.info("Management endpoints (health, metrics, Jolokia) are off: set {} to turn them on", USERS_FILE);
            properties.put("camel.management.enabled", "false");
            properties.put("camel.server.enabled", "false");
            properties.put("splice.api.enabled", "false");
            return properties;
        }
        if (!Files.isReadable(Path.of(usersFile))) {
            throw new IllegalArgumentException("Property " + USERS_FILE + " names " + usersFile
                    + ", which cannot be read: the management endpoints need their users");
        }
        properties.put("camel.management.enabled", "true");
        properties.put("camel.management.authenticationEnabled", "true");
        properties.put("camel.management.basicPropertiesFile", usersFile);
        // the operator API (/api) shares the management port and its users
        properties.put("camel.server.enabled", "true");
        properties.put("camel.server.authenticationEnabled", "true");
        properties.put("camel.server.basicPropertiesFile", usersFile);
        properties.put("splice.api.enabled", "true");
        return properties;
    }
}
