package io.splice.management;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Jolokia request types a management user may send at all: read, write and exec (each checked by the role's
 * policy per MBean), list, search and version. Jolokia's policies do not cover the others (notification, config), so
 * they are refused here, before Jolokia sees the request.
 */
final class JolokiaRequestTypes {

    static final Set<String> ALLOWED = Set.of("read", "write", "exec", "list", "search", "version");
    private static final ObjectMapper JSON = new ObjectMapper();

    private JolokiaRequestTypes() {
    }

    /** A GET's type: the first segment of its path ("/read/..."); the bare agent URL is "version". */
    static List<String> ofGet(String path) {
        String trimmed = path == null ? "" : path.replaceFirst("^/+", "");
        String type = trimmed.contains("/") ? trimmed.substring(0, trimmed.indexOf('/')) : trimmed;
        return List.of(type.isEmpty() ? "version" : type.toLowerCase(Locale.ROOT));
    }

    /** A POST's types: of its one request, or of every request of a bulk request. */
    static List<String> ofPost(String body) {
        JsonNode requests;
        try {
            requests = JSON.readTree(body);
        } catch (Exception e) {
            throw new SecurityException("the Jolokia request is not JSON");
        }
        List<String> types = new ArrayList<>();
        for (JsonNode request : requests.isArray() ? requests : List.of(requests)) {
            JsonNode type = request.path("type");
            types.add(type.isTextual() ? type.asText().toLowerCase(Locale.ROOT) : "");
        }
        return types;
    }

    static void requireAllowed(List<String> types) {
        for (String type : types) {
            if (!ALLOWED.contains(type)) {
                throw new SecurityException("Jolokia request type '" + type + "' is not allowed; allowed are "
                        + String.join(", ", ALLOWED.stream().sorted().toList()));
            }
        }
    }
}
