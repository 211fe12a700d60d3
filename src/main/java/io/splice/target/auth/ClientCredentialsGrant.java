package io.splice.target.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OAuth2 client credentials grant (RFC 6749 4.4): a form-encoded POST of grant_type=client_credentials (and
 * scope, audience) to the token endpoint, the client authenticated by Basic (client_secret_basic, the default) or in
 * the form (client_secret_post). Error messages name the endpoint, the OAuth2 error code and the setting to check;
 * never the secret, never the endpoint's whole answer.
 */
public final class ClientCredentialsGrant implements TokenEndpoint {

    /** How the client authenticates at the token endpoint. */
    public enum ClientAuthentication { BASIC, POST }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String scopes;
    private final String audience;
    private final ClientAuthentication clientAuthentication;
    private final Duration timeout;

    public ClientCredentialsGrant(HttpClient client, URI tokenUrl, String clientId, String clientSecret, String scopes,
                                  String audience, ClientAuthentication clientAuthentication, Duration timeout) {
        this.client = client;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scopes = scopes;
        this.audience = audience;
        this.clientAuthentication = clientAuthentication;
        this.timeout = timeout;
    }

    @Override
    public AccessToken fetch() throws TokenUnavailableException {
        HttpResponse<String> response;
        try {
            response = client.send(request(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("the call was interrupted");
        } catch (IOException e) {
            throw unavailable("it does not answer (" + e.getClass().getSimpleName() + ")");
        }
        int status = response.statusCode();
        JsonNode answer = parse(response.body());
        if (status == 200) {
            return token(answer);
        }
        String error = errorCode(answer);
        if (status == 408 || status == 429 || status >= 500) {
            throw unavailable("it answered HTTP " + status + error);
        }
        throw new TokenUnavailableException("The token endpoint " + tokenUrl + " refused Splice's client credentials: HTTP "
                + status + error + "; check " + settingsFor(answer.path("error").asText("")), true);
    }

    private HttpRequest request() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (!scopes.isEmpty()) {
            form.put("scope", scopes);
        }
        if (!audience.isEmpty()) {
            form.put("audience", audience);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        if (clientAuthentication == ClientAuthentication.BASIC) {
            // RFC 6749 2.3.1: id and secret are form-encoded before they are joined
            String pair = encode(clientId) + ":" + encode(clientSecret);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", clientId);
            form.put("client_secret", clientSecret);
        }
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return request.POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private AccessToken token(JsonNode answer) throws TokenUnavailableException {
        String value = answer.path("access_token").asText("");
        if (value.isEmpty()) {
            throw unavailable("it answered 200 without an access_token");
        }
        String type = answer.path("token_type").asText("bearer");
        if (!type.equalsIgnoreCase("bearer")) {
            throw new TokenUnavailableException("The token endpoint " + tokenUrl + " issued a token of type "
                    + safe(type) + ", Splice sends bearer tokens only", true);
        }
        JsonNode expiresIn = answer.get("expires_in");
        long seconds = expiresIn == null ? 0 : expiresIn.asLong(0);
        return new AccessToken(value, seconds > 0 ? Duration.ofSeconds(seconds) : null);
    }

    private TokenUnavailableException unavailable(String why) {
        return new TokenUnavailableException("The token endpoint " + tokenUrl + " gave no token: " + why, false);
    }

    private static String settingsFor(String error) {
        return switch (error) {
            case "invalid_scope" -> "splice.target.auth.scopes";
            case "invalid_target", "invalid_request" -> "splice.target.auth.audience and splice.target.auth.scopes";
            case "unsupported_grant_type", "unauthorized_client" ->
                    "that the client splice.target.auth.client-id may use the client_credentials grant";
            default -> "splice.target.auth.client-id and splice.target.auth.client-secret "
                    + "(SPLICE_TARGET_AUTH_CLIENT_SECRET or splice.target.auth.client-secret-file)"
                    + " and splice.target.auth.client-authentication";
        };
    }

    private static String errorCode(JsonNode answer) {
        String error = answer.path("error").asText("");
        return error.isEmpty() ? "" : " (" + safe(error) + ")";
    }

    /** An OAuth2 error code is a short ASCII word: anything else from the endpoint is not repeated. */
    private static String safe(String text) {
        return text.matches("[A-Za-z0-9_.-]{1,40}") ? text : "?";
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ClientCredentialsGrant[" + tokenUrl + ", client " + clientId + "]";
    }
}
