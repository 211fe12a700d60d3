package io.splice.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import io.splice.target.auth.ClientCredentialsGrant;
import io.splice.target.auth.ClientCredentialsGrant.ClientAuthentication;
import io.splice.target.auth.TokenUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The sandbox's OAuth2 token endpoint and its API's checks (OAuth2 tokens, API key, Basic), and Splice's grant against it. */
class SandboxOAuthTest {

    private static final String SECRET = "client-s3cret";
    private static final String INVOICE = "{\"total\":10}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private SandboxTarget target;

    @BeforeEach
    void startSandbox() throws IOException {
        target = SandboxTarget.start(SandboxOptions.defaults(), clock);
        target.authentication().requireOAuth2("splice", SECRET, Duration.ofSeconds(2));
    }

    @AfterEach
    void stopSandbox() {
        target.close();
    }

    @Test
    void aTokenOfTheClientCredentialsGrantOpensTheApiUntilItExpires() throws Exception {
        // given a token fetched by Splice's grant (client_secret_basic), with a scope
        String token = grant(SECRET, ClientAuthentication.BASIC, "records:write").fetch().value();
        SandboxClient client = new SandboxClient(target, token);

        // when it is used now, and after its 2 s
        HttpResponse<String> created = client.post("/api/v1/invoices", INVOICE);
        clock.advance(Duration.ofSeconds(2));
        HttpResponse<String> expired = client.post("/api/v1/invoices", INVOICE);

        // then
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(target.records("invoices")).hasSize(1);
        assertThat(target.authentication().issuedTokens()).containsExactly(token);
    }

    @Test
    void theTokenEndpointEchoesTheScopeAndSaysWhenTheTokenExpires() {
        HttpResponse<String> answer = tokenRequest("grant_type=client_credentials&scope=a%20b&client_id=splice&client_secret="
                + SECRET, null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(Json.parse(answer.body()).get("scope").asText()).isEqualTo("a b");
        assertThat(Json.parse(answer.body()).get("expires_in").asInt()).isEqualTo(2);
        assertThat(Json.parse(answer.body()).get("token_type").asText()).isEqualTo("Bearer");
    }

    @Test
    void aWrongSecretIsRefusedAndSplicesErrorNamesTheSettingButNotTheSecret() {
        TokenUnavailableException refused = catchThrowableOfType(() -> grant("wrong-secret", ClientAuthentication.POST, "")
                .fetch(), TokenUnavailableException.class);

        assertThat(refused.refused()).isTrue();
        assertThat(refused.getMessage()).contains("HTTP 401 (invalid_client)", "splice.target.auth.client-secret")
                .doesNotContain("wrong-secret");
        assertThat(tokenRequest("grant_type=password", basic("splice", SECRET)).statusCode()).isEqualTo(400);
        assertThat(target.authentication().issuedTokens()).isEmpty();
    }

    @Test
    void revokedTokensAreRefusedAndNewOnesWork() throws Exception {
        String old = grant(SECRET, ClientAuthentication.BASIC, "").fetch().value();
        target.authentication().revokeTokens();
        String fresh = grant(SECRET, ClientAuthentication.BASIC, "").fetch().value();

        assertThat(new SandboxClient(target, old).get("/api/v1/invoices").statusCode()).isEqualTo(401);
        assertThat(new SandboxClient(target, fresh).get("/api/v1/invoices").statusCode()).isEqualTo(200);
        assertThat(new SandboxClient(target).get("/api/v1/invoices").headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"sandbox\"");
        assertThat(target.authentication().tokenRequests()).isEqualTo(2);
    }

    @Test
    void anApiKeyOrBasicCredentialsCanBeRequiredInstead() {
        target.authentication().requireApiKey("X-API-Key", "k-1");
        SandboxClient anonymous = new SandboxClient(target);
        assertThat(anonymous.send(anonymous.request("/api/v1/invoices").header("X-API-Key", "k-1").GET().build()).statusCode())
                .isEqualTo(200);
        assertThat(anonymous.send(anonymous.request("/api/v1/invoices").header("X-API-Key", "k-2").GET().build()).statusCode())
                .isEqualTo(401);

        target.authentication().requireBasic("splice", "pw");
        assertThat(anonymous.send(anonymous.request("/api/v1/invoices").header("Authorization", basic("splice", "pw"))
                .GET().build()).statusCode()).isEqualTo(200);
        HttpResponse<String> wrong = anonymous.send(anonymous.request("/api/v1/invoices")
                .header("Authorization", basic("splice", "nope")).GET().build());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"sandbox\"");
    }

    private ClientCredentialsGrant grant(String secret, ClientAuthentication how, String scopes) {
        return new ClientCredentialsGrant(HttpClient.newHttpClient(), URI.create(target.baseUrl() + "/oauth/token"),
                "splice", secret, scopes, "", how, Duration.ofSeconds(5));
    }

    private HttpResponse<String> tokenRequest(String form, String authorization) {
        SandboxClient client = new SandboxClient(target);
        HttpRequest.Builder request = client.request("/oauth/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
