package io.splice.target.auth;

/** Where OAuth2 tokens come from; the HTTP one is {@link ClientCredentialsGrant}, tests bring their own. */
@FunctionalInterface
public interface TokenEndpoint {

    AccessToken fetch() throws TokenUnavailableException;
}
