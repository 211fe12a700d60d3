package io.splice.target.auth;

import java.time.Duration;

/**
 * A token as the token endpoint issued it.
 *
 * @param lifetime its expires_in; null when the endpoint did not say (then it is kept until the target refuses it)
 */
public record AccessToken(String value, Duration lifetime) {

    @Override
    public String toString() {
        return "AccessToken[***, lifetime=" + lifetime + "]";
    }
}
