package io.splice.target.auth;

/**
 * The token endpoint gave no token: it does not answer, fails, or refuses Splice's client credentials. Transient
 * for the record (it waits with the target's outage, see docs/target-authentication.md); the message names the
 * endpoint and the setting to check, never a secret.
 */
public class TokenUnavailableException extends Exception {

    private final boolean refused;

    public TokenUnavailableException(String message, boolean refused) {
        super(message);
        this.refused = refused;
    }

    /** The endpoint answered and refused the request (wrong client id, secret or scope): a setting is wrong. */
    public boolean refused() {
        return refused;
    }
}
