package io.splice.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How the sandbox's API checks who calls it, switchable while it runs: the static bearer token of
 * {@link SandboxOptions#bearerToken()} (the default), OAuth2 tokens of its own token endpoint ({@code POST /oauth/token},
 * {@link OAuthTokens}), an API key in a header, or Basic user and password. A refusal is 401 before any fault
 * injection, as a real gateway would answer.
 */
public final class SandboxAuthentication {

    /** One way of checking a request: the 401 to answer, or empty if it may pass. */
    @FunctionalInterface
    interface Check {
        Optional<SandboxResponse> refusal(IncomingRequest request);
    }

    private final JsonResponses responses;
    private final OAuthTokens tokens;
    private final AtomicReference<Check> check;

    SandboxAuthentication(String bearerToken, Clock clock, JsonResponses responses) {
        this.responses = responses;
        this.tokens = new OAuthTokens(clock, responses);
        BearerTokenCheck bearer = new BearerTokenCheck(bearerToken);
        this.check = new AtomicReference<>(request -> bearer.allows(request.authorization()) ? Optional.empty()
                : Optional.of(responses.error(401, "unauthorized").withHeader("WWW-Authenticate", "Bearer")));
    }

    /**
     * From now on the API wants a token of {@code POST /oauth/token}, which issues tokens to this client (client
     * credentials grant) that expire after {@code tokenLifetime}. Tokens issued before stay valid until they expire.
     */
    public void requireOAuth2(String clientId, String clientSecret, Duration tokenLifetime) {
        tokens.configure(clientId, clientSecret, tokenLifetime);
        check.set(tokens::refusal);
    }

    /** From now on the API wants {@code key} in header {@code headerName}. */
    public void requireApiKey(String headerName, String key) {
        Objects.requireNonNull(headerName, "headerName");
        byte[] expected = key.getBytes(StandardCharsets.UTF_8);
        check.set(request -> {
            String presented = request.header(headerName);
            return presented != null && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))
                    ? Optional.empty() : Optional.of(responses.error(401, "unauthorized"));
        });
    }

    /** From now on the API wants Basic authentication as this user. */
    public void requireBasic(String username, String password) {
        byte[] expected = ("Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
        check.set(request -> {
            String presented = request.authorization();
            return presented != null && MessageDigest.isEqual(expected, presented.trim().getBytes(StandardCharsets.UTF_8))
                    ? Optional.empty()
                    : Optional.of(responses.error(401, "unauthorized").withHeader("WWW-Authenticate", "Basic realm=\"sandbox\""));
        });
    }

    /** Every token issued so far is refused from now on (401 invalid_token), as after a key rotation at the provider. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /** The API refuses every token, new ones too (a client whose grant lacks the API's scope). */
    public void refuseAllTokens(boolean refuse) {
        tokens.refuseAll(refuse);
    }

    /** The token endpoint now wants this client secret (a rotation Splice has not caught up with). */
    public void changeClientSecret(String clientSecret) {
        tokens.changeSecret(clientSecret);
    }

    /** Requests {@code POST /oauth/token} received, answered or not. */
    public int tokenRequests() {
        return tokens.requests();
    }

    /** Every token issued so far, oldest first: what must never appear in Splice's logs, reports or ledger. */
    public List<String> issuedTokens() {
        return tokens.issued();
    }

    Optional<SandboxResponse> refusal(IncomingRequest request) {
        return check.get().refusal(request);
    }

    /** {@code POST /oauth/token}. */
    SandboxResponse tokenEndpoint(IncomingRequest request) {
        return tokens.answer(request);
    }
}
