package io.splice.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's OAuth2 authorisation server and resource check: {@code POST /oauth/token} with the client credentials
 * grant (form-encoded; the client by Basic or by client_id/client_secret in the form; the scope echoed) issues tokens
 * that expire after the configured lifetime, and the API accepts only those (an expired, revoked or unknown one is 401
 * with {@code WWW-Authenticate: Bearer error="invalid_token"}, RFC 6750).
 */
final class OAuthTokens {

    static final String PATH = "/oauth/token";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String BEARER = "Bearer ";

    private record Client(String id, byte[] secret, Duration lifetime) {
    }

    private final Clock clock;
    private final JsonResponses responses;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Client client;
    private volatile boolean refuseAll;

    OAuthTokens(Clock clock, JsonResponses responses) {
        this.clock = clock;
        this.responses = responses;
    }

    void configure(String clientId, String clientSecret, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive, was " + lifetime);
        }
        client = new Client(clientId, clientSecret.getBytes(StandardCharsets.UTF_8), lifetime);
    }

    void changeSecret(String clientSecret) {
        Client current = client;
        client = new Client(current.id(), clientSecret.getBytes(StandardCharsets.UTF_8), current.lifetime());
    }

    void revokeAll() {
        expiries.clear();
    }

    void refuseAll(boolean refuse) {
        refuseAll = refuse;
    }

    int requests() {
        return requests.get();
    }

    List<String> issued() {
        return List.copyOf(issued);
    }

    /** The API's check of a request's token. */
    Optional<SandboxResponse> refusal(IncomingRequest request) {
        String authorization = request.authorization();
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(responses.error(401, "unauthorized").withHeader("WWW-Authenticate", "Bearer realm=\"sandbox\""));
        }
        Instant expiry = expiries.get(authorization.substring(BEARER.length()).trim());
        if (refuseAll || expiry == null || !clock.instant().isBefore(expiry)) {
            return Optional.of(responses.error(401, "invalid_token")
                    .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        }
        return Optional.empty();
    }

    /** {@code POST /oauth/token}. */
    SandboxResponse answer(IncomingRequest request) {
        requests.incrementAndGet();
        Client configured = client;
        if (configured == null || !"POST".equals(request.method())) {
            request.body().discard();
            return responses.notFound();
        }
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith(FORM)) {
            request.body().discard();
            return responses.error(400, "invalid_request");
        }
        Map<String, String> form = form(request.body().text());
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return responses.error(400, "unsupported_grant_type");
        }
        if (!authenticated(configured, request.authorization(), form)) {
            return responses.error(401, "invalid_client").withHeader("WWW-Authenticate", "Basic realm=\"oauth\"");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = "sbx-" + HexFormat.of().formatHex(bytes);
        expiries.put(token, clock.instant().plus(configured.lifetime()));
        issued.add(token);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("token_type", "Bearer");
        // whole seconds, rounded up, as the field is defined
        answer.put("expires_in", (configured.lifetime().toMillis() + 999) / 1000);
        if (form.containsKey("scope")) {
            answer.put("scope", form.get("scope"));
        }
        return responses.json(200, answer).withHeader("Cache-Control", "no-store");
    }

    /** client_secret_basic (id and secret form-encoded, then Base64) or client_secret_post. */
    private static boolean authenticated(Client client, String authorization, Map<String, String> form) {
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon < 0) {
                    return false;
                }
                id = decode(pair.substring(0, colon));
                secret = decode(pair.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return client.id().equals(id) && secret != null
                && MessageDigest.isEqual(client.secret(), secret.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            fields.put(decode(equals < 0 ? pair : pair.substring(0, equals)), equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return fields;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
