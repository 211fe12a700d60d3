package io.splice.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON response about to be written, plus any extra headers (Retry-After, Idempotent-Replayed, ...). */
record SandboxResponse(int status, String body, Map<String, String> headers) {

    SandboxResponse {
        headers = Map.copyOf(headers);
    }

    static SandboxResponse json(int status, String body) {
        return new SandboxResponse(status, body, Map.of());
    }

    SandboxResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SandboxResponse(status, body, more);
    }
}
