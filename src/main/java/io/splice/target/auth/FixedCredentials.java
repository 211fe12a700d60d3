package io.splice.target.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.BiConsumer;

/**
 * Credentials that never change during a run: a static bearer token, an API key in a header, or Basic user and
 * password. A 401 to them is an answer about them, not worth a retry.
 */
public final class FixedCredentials implements TargetAuthentication {

    private final String header;
    private final String value;
    private final String description;

    private FixedCredentials(String header, String value, String description) {
        this.header = header;
        this.value = value;
        this.description = description;
    }

    /** {@code Authorization: Bearer <token>} (splice.target.token, as before target authentication had modes). */
    public static FixedCredentials bearer(String token) {
        return new FixedCredentials("Authorization", "Bearer " + token, "a static bearer token");
    }

    /** The key in a header of its own, e.g. {@code X-API-Key: <key>}. */
    public static FixedCredentials apiKey(String headerName, String key) {
        return new FixedCredentials(headerName, key, "an API key in header " + headerName);
    }

    /** {@code Authorization: Basic base64(user:password)}. */
    public static FixedCredentials basic(String username, String password) {
        String pair = username + ":" + password;
        return new FixedCredentials("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
                "Basic authentication as user " + username);
    }

    @Override
    public long authorize(BiConsumer<String, String> header) {
        header.accept(this.header, value);
        return 0;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return describe();
    }
}
