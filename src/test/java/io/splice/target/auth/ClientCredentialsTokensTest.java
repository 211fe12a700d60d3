package io.splice.target.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token cache: renewal timing by an injected clock, renewal after a 401, and a token endpoint that fails. */
class ClientCredentialsTokensTest {

    private final MovableClock clock = new MovableClock();
    private final FakeEndpoint endpoint = new FakeEndpoint();

    private ClientCredentialsTokens tokens(Duration renewBefore) {
        return new ClientCredentialsTokens(endpoint, renewBefore, clock, "test");
    }

    @Test
    void oneTokenServesEveryCallUntilShortlyBeforeItExpires() throws Exception {
        // given tokens that live 60 s, renewed 10 s before they expire
        endpoint.lifetime = Duration.ofSeconds(60);
        ClientCredentialsTokens tokens = tokens(Duration.ofSeconds(10));

        // when calls are made over 49.999 s, then at 50 s
        String first = bearer(tokens);
        clock.advance(Duration.ofMillis(49_999));
        String stillFirst = bearer(tokens);
        clock.advance(Duration.ofMillis(1));
        String second = bearer(tokens);

        // then one fetch served the first two, the second fetch came at expiry minus 10 s
        assertThat(stillFirst).isEqualTo(first).isEqualTo("Bearer token-1");
        assertThat(second).isEqualTo("Bearer token-2");
        assertThat(endpoint.calls.get()).isEqualTo(2);
        assertThat(tokens.generation()).isEqualTo(2);
    }

    @Test
    void aShortLivedTokenIsRenewedAtHalfItsLifetimeRatherThanAtEveryCall() throws Exception {
        // given 2 s tokens and the default 30 s ahead (more than their lifetime)
        endpoint.lifetime = Duration.ofSeconds(2);
        ClientCredentialsTokens tokens = tokens(Duration.ofSeconds(30));

        // when calls are made every 100 ms for 10 s
        for (int i = 0; i < 100; i++) {
            bearer(tokens);
            clock.advance(Duration.ofMillis(100));
        }

        // then a token was fetched every second: 10, not 100
        assertThat(endpoint.calls.get()).isEqualTo(10);
    }

    @Test
    void aRefusedTokenIsRenewedOnceHoweverManyCallsReportIt() throws Exception {
        endpoint.lifetime = Duration.ofSeconds(600);
        ClientCredentialsTokens tokens = tokens(Duration.ofSeconds(30));
        long used = tokens.authorize((name, value) -> { });

        // when eight calls that carried the same token are refused (401)
        for (int i = 0; i < 8; i++) {
            assertThat(tokens.renewAfterRefusal(used)).isTrue();
        }
        String renewed = bearer(tokens);
        // and a late refusal of the old token arrives after the renewal
        tokens.renewAfterRefusal(used);

        // then the token was fetched again once, and the renewed token stays
        assertThat(renewed).isEqualTo("Bearer token-2");
        assertThat(bearer(tokens)).isEqualTo("Bearer token-2");
        assertThat(endpoint.calls.get()).isEqualTo(2);
    }

    @Test
    void aTokenWithoutExpiryIsKeptUntilTheTargetRefusesIt() throws Exception {
        endpoint.lifetime = null;
        ClientCredentialsTokens tokens = tokens(Duration.ofSeconds(30));
        bearer(tokens);
        clock.advance(Duration.ofDays(2));
        assertThat(bearer(tokens)).isEqualTo("Bearer token-1");

        tokens.renewAfterRefusal(1);

        assertThat(bearer(tokens)).isEqualTo("Bearer token-2");
    }

    @Test
    void aTokenEndpointThatFailsIsAskedAtMostOnceASecondAndTheStillValidTokenIsUsedMeanwhile() throws Exception {
        // given a 60 s token, renewed 10 s ahead; then the endpoint fails
        endpoint.lifetime = Duration.ofSeconds(60);
        ClientCredentialsTokens tokens = tokens(Duration.ofSeconds(10));
        bearer(tokens);
        endpoint.failures.push(new TokenUnavailableException("down", false));
        endpoint.failures.push(new TokenUnavailableException("down", false));

        // when calls are made from the renewal time on, ten per 100 ms
        clock.advance(Duration.ofSeconds(50));
        for (int i = 0; i < 10; i++) {
            assertThat(bearer(tokens)).isEqualTo("Bearer token-1");
        }
        clock.advance(Duration.ofMillis(1000));
        assertThat(bearer(tokens)).isEqualTo("Bearer token-1");
        assertThat(endpoint.calls.get()).isEqualTo(3);

        // then once the old token expired, calls fail without asking the endpoint within the pause
        endpoint.failures.push(new TokenUnavailableException("still down", false));
        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> bearer(tokens)).isInstanceOf(TokenUnavailableException.class).hasMessage("still down");
        assertThatThrownBy(() -> bearer(tokens)).hasMessage("still down");
        assertThat(tokens.available()).isFalse();
        assertThat(endpoint.calls.get()).isEqualTo(4);

        // and after the pause the endpoint is asked again, and answers
        clock.advance(ClientCredentialsTokens.PAUSE_AFTER_FAILURE);
        assertThat(tokens.available()).isTrue();
        assertThat(bearer(tokens)).isEqualTo("Bearer token-2");
        assertThat(endpoint.calls.get()).isEqualTo(5);
    }

    @Test
    void refusedCredentialsAtStartStopTheStartNamingTheMessage() {
        endpoint.failures.push(new TokenUnavailableException("refused: check splice.target.auth.client-secret", true));
        ClientCredentialsTokens tokens = tokens(Duration.ofSeconds(30));

        assertThatThrownBy(tokens::fetchAtStart).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("splice.target.auth.client-secret");
    }

    @Test
    void anUnreachableEndpointAtStartIsNoStartError() {
        endpoint.failures.push(new TokenUnavailableException("does not answer", false));
        ClientCredentialsTokens tokens = tokens(Duration.ofSeconds(30));

        tokens.fetchAtStart();

        assertThat(tokens.generation()).isZero();
    }

    @Test
    void settingsBuildEachModeAndNameWhatIsMissing() throws Exception {
        Map<String, String> properties = new HashMap<>();
        TargetAuthSettings settings = new TargetAuthSettings(properties::get);
        Map<String, String> headers = new HashMap<>();

        assertThat(settings.authentication(null, null, clock).describe()).isEqualTo("none");
        settings.authentication("tok", null, clock).authorize(headers::put);
        assertThat(headers).containsEntry("Authorization", "Bearer tok");

        properties.put("splice.target.auth.mode", "api-key");
        assertThatThrownBy(() -> settings.authentication(null, null, clock)).hasMessage("Property "
                + "splice.target.auth.api-key is required with splice.target.auth.mode=api-key: set "
                + "SPLICE_TARGET_AUTH_API_KEY in the environment, or splice.target.auth.api-key-file to a file that holds it");
        properties.put("splice.target.auth.api-key", "k-123");
        properties.put("splice.target.auth.api-key-header", "X-Key");
        headers.clear();
        settings.authentication(null, null, clock).authorize(headers::put);
        assertThat(headers).containsExactly(Map.entry("X-Key", "k-123"));

        properties.put("splice.target.auth.mode", "basic");
        properties.put("splice.target.auth.username", "splice");
        properties.put("splice.target.auth.password", "pw");
        headers.clear();
        settings.authentication(null, null, clock).authorize(headers::put);
        assertThat(headers).containsExactly(Map.entry("Authorization", "Basic c3BsaWNlOnB3"));

        properties.put("splice.target.auth.mode", "oauth2");
        assertThatThrownBy(() -> settings.authentication(null, null, clock))
                .hasMessage("Property splice.target.auth.token-url is required with splice.target.auth.mode=oauth2");
        properties.put("splice.target.auth.mode", "kerberos");
        assertThatThrownBy(() -> settings.authentication(null, null, clock))
                .hasMessage("Property splice.target.auth.mode must be one of none, bearer, oauth2, api-key, basic; was 'kerberos'");
    }

    private static String bearer(ClientCredentialsTokens tokens) throws TokenUnavailableException {
        Map<String, String> headers = new HashMap<>();
        tokens.authorize(headers::put);
        return headers.get("Authorization");
    }

    /** Issues token-1, token-2, …; fails with what was pushed first. */
    private static final class FakeEndpoint implements TokenEndpoint {
        final AtomicInteger calls = new AtomicInteger();
        final Deque<TokenUnavailableException> failures = new ArrayDeque<>();
        Duration lifetime = Duration.ofSeconds(60);
        private int issued;

        @Override
        public AccessToken fetch() throws TokenUnavailableException {
            calls.incrementAndGet();
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
            return new AccessToken("token-" + ++issued, lifetime);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
