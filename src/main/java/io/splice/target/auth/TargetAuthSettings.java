package io.splice.target.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.splice.target.auth.ClientCredentialsGrant.ClientAuthentication;

/**
 * Builds the target's authentication from splice.target.auth.* (docs/target-authentication.md). Secrets come from
 * the property (set it from the environment, e.g. SPLICE_TARGET_AUTH_CLIENT_SECRET) or from the file its
 * {@code -file} variant names; a wrong or missing setting fails the start naming the property, never its value.
 */
public final class TargetAuthSettings {

    static final String PREFIX = "splice.target.auth.";
    public static final String MODE = PREFIX + "mode";

    private final Function<String, String> properties;

    /** @param properties a property's trimmed value, empty when unset */
    public TargetAuthSettings(Function<String, String> properties) {
        this.properties = properties;
    }

    /**
     * @param bearerToken splice.target.token (or its -file), read as before
     * @param http        the client for the token endpoint, trusting what calls to the target trust
     */
    public TargetAuthentication authentication(String bearerToken, HttpClient.Builder http, Clock clock) {
        String mode = optional(MODE).toLowerCase(Locale.ROOT);
        if (mode.isEmpty()) {
            mode = bearerToken == null || bearerToken.isBlank() ? "none" : "bearer";
        }
        return switch (mode) {
            case "none" -> TargetAuthentication.none();
            case "bearer" -> FixedCredentials.bearer(requiredSecret("splice.target.token", mode, bearerToken));
            case "api-key" -> FixedCredentials.apiKey(headerName(), requiredSecret(PREFIX + "api-key", mode, null));
            case "basic" -> FixedCredentials.basic(required(PREFIX + "username", mode),
                    requiredSecret(PREFIX + "password", mode, null));
            case "oauth2" -> clientCredentials(http, clock);
            default -> throw new IllegalArgumentException("Property " + MODE + " must be one of none, bearer, oauth2, "
                    + "api-key, basic; was '" + mode + "'");
        };
    }

    private ClientCredentialsTokens clientCredentials(HttpClient.Builder http, Clock clock) {
        String mode = "oauth2";
        URI tokenUrl = tokenUrl(required(PREFIX + "token-url", mode));
        String clientId = required(PREFIX + "client-id", mode);
        String secret = requiredSecret(PREFIX + "client-secret", mode, null);
        String scopes = Arrays.stream(optional(PREFIX + "scopes").split("[,\\s]+")).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
        String audience = optional(PREFIX + "audience");
        ClientAuthentication clientAuthentication = clientAuthentication();
        Duration renewBefore = Duration.ofMillis(millis(PREFIX + "renew-before-millis", 30_000));
        Duration connect = Duration.ofMillis(millis("splice.target.connect-timeout-millis", 5_000));
        Duration timeout = Duration.ofMillis(millis("splice.target.response-timeout-millis", 30_000));
        HttpClient client = http.version(HttpClient.Version.HTTP_1_1).connectTimeout(connect).build();
        ClientCredentialsGrant grant = new ClientCredentialsGrant(client, tokenUrl, clientId, secret, scopes, audience,
                clientAuthentication, timeout);
        return new ClientCredentialsTokens(grant, renewBefore, clock, "OAuth2 client credentials of client " + clientId
                + " from " + tokenUrl + (scopes.isEmpty() ? "" : " (scopes " + scopes + ")") + ", renewed "
                + renewBefore.toMillis() + " ms before expiry");
    }

    private URI tokenUrl(String value) {
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        throw new IllegalArgumentException("Property " + PREFIX + "token-url must be an http:// or https:// URL "
                + "without credentials in it");
    }

    private ClientAuthentication clientAuthentication() {
        String value = optional(PREFIX + "client-authentication").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "basic", "client_secret_basic" -> ClientAuthentication.BASIC;
            case "post", "client_secret_post" -> ClientAuthentication.POST;
            default -> throw new IllegalArgumentException("Property " + PREFIX + "client-authentication must be basic "
                    + "or post, was '" + value + "'");
        };
    }

    private String headerName() {
        String name = optional(PREFIX + "api-key-header");
        if (name.isEmpty()) {
            return "X-API-Key";
        }
        if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            throw new IllegalArgumentException("Property " + PREFIX + "api-key-header must be an HTTP header name, was '"
                    + name + "'");
        }
        return name;
    }

    private long millis(String key, long fallback) {
        String value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException("Property " + key + " must be a whole number of milliseconds, was '" + value + "'");
    }

    private String required(String key, String mode) {
        String value = optional(key);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Property " + key + " is required with " + MODE + "=" + mode);
        }
        return value;
    }

    /** A secret: the property, or the contents of the file named by key-file; {@code given} when already read. */
    private String requiredSecret(String key, String mode, String given) {
        String value = given != null ? given.trim() : secret(key);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Property " + key + " is required with " + MODE + "=" + mode + ": set "
                    + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + " in the environment, or "
                    + key + "-file to a file that holds it");
        }
        return value;
    }

    private String secret(String key) {
        String file = optional(key + "-file");
        if (file.isEmpty()) {
            return optional(key);
        }
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            throw new IllegalArgumentException("Property " + key + "-file names " + file + ", which cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    private String optional(String key) {
        String value = properties.apply(key);
        return value == null ? "" : value.trim();
    }
}
