package io.splice.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks the Authorization header against the configured bearer token; no token configured means open access. */
final class BearerTokenCheck {

    private static final String SCHEME = "Bearer ";

    private final byte[] expected;

    BearerTokenCheck(String bearerToken) {
        this.expected = bearerToken == null ? null : bearerToken.getBytes(StandardCharsets.UTF_8);
    }

    boolean allows(String authorizationHeader) {
        if (expected == null) {
            return true;
        }
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] presented = authorizationHeader.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8);
        // Constant-time, the way a real API compares secrets
        return MessageDigest.isEqual(expected, presented);
    }
}
