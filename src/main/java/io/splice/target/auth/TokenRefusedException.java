package io.splice.target.auth;

/** The target refused the OAuth2 token (401): it was renewed, and the call is tried once more (TokenRenewal). */
public class TokenRefusedException extends Exception {

    public TokenRefusedException(String message) {
        super(message);
    }
}
