package io.splice.target.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth2 client credentials: one token, fetched once and shared by every consumer, renewed {@code renewBefore} ahead
 * of its expiry (at most half its lifetime ahead, so a short-lived token is not fetched per call), and renewed at
 * once when the target refuses it (401). One fetch at a time: callers that need a token meanwhile wait for it.
 * A failed fetch is remembered for a second, so a token endpoint that is down is not asked by every record; while a
 * renewal fails, the old token is used until it really expires.
 */
public final class ClientCredentialsTokens implements TargetAuthentication {

    private static final Logger LOG = LoggerFactory.getLogger(ClientCredentialsTokens.class);
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

    private final TokenEndpoint endpoint;
    private final Duration renewBefore;
    private final Clock clock;
    private final String description;

    private AccessToken token;
    private Instant renewAt;
    private Instant expiresAt;
    private long generation;
    private TokenUnavailableException lastFailure;
    private Instant failedAt;
    private boolean starting;

    public ClientCredentialsTokens(TokenEndpoint endpoint, Duration renewBefore, Clock clock, String description) {
        this.endpoint = endpoint;
        this.renewBefore = renewBefore;
        this.clock = clock;
        this.description = description;
    }

    @Override
    public synchronized long authorize(BiConsumer<String, String> header) throws TokenUnavailableException {
        header.accept("Authorization", "Bearer " + current().value());
        return generation;
    }

    @Override
    public synchronized boolean renewAfterRefusal(long refused) {
        if (refused == generation && token != null) {
            LOG.info("The target refused the current OAuth2 token (HTTP 401): it is renewed, and the call tried once more");
            token = null;
        }
        return true;
    }

    @Override
    public synchronized boolean available() {
        try {
            current();
            return true;
        } catch (TokenUnavailableException e) {
            return false;
        }
    }

    /**
     * At start: a token endpoint that refuses the client's credentials stops the start, naming the setting (nothing
     * could be migrated); one that does not answer yet is an outage, which the records wait out.
     */
    public synchronized void fetchAtStart() {
        starting = true;
        try {
            current();
        } catch (TokenUnavailableException e) {
            if (e.refused()) {
                throw new IllegalArgumentException(e.getMessage());
            }
        } finally {
            starting = false;
        }
    }

    /** The generation of the token in use: 1 for the first, one more for each renewal. */
    public synchronized long generation() {
        return generation;
    }

    private AccessToken current() throws TokenUnavailableException {
        Instant now = clock.instant();
        if (token != null && (renewAt == null || now.isBefore(renewAt))) {
            return token;
        }
        if (lastFailure != null && now.isBefore(failedAt.plus(PAUSE_AFTER_FAILURE))) {
            return stillValidOr(now, new TokenUnavailableException(lastFailure.getMessage(), lastFailure.refused()));
        }
        try {
            AccessToken fresh = endpoint.fetch();
            token = fresh;
            generation++;
            expiresAt = fresh.lifetime() == null ? null : now.plus(fresh.lifetime());
            renewAt = fresh.lifetime() == null ? null : expiresAt.minus(ahead(fresh.lifetime()));
            if (lastFailure != null) {
                LOG.info("The token endpoint issues tokens again: calls to the target go on");
            }
            lastFailure = null;
            LOG.debug("OAuth2 token {} fetched, lifetime {}", generation, fresh.lifetime());
            return fresh;
        } catch (TokenUnavailableException e) {
            // one line per stretch of failures; a refusal at start is the start's error instead
            if (lastFailure == null && !(starting && e.refused())) {
                LOG.warn("{}. Calls to the target wait for a token as for an outage of the target; their records stay "
                        + "QUEUED and keep their retries", e.getMessage());
            }
            lastFailure = e;
            failedAt = now;
            return stillValidOr(now, e);
        }
    }

    /** The old token while it has not expired (a renewal failed ahead of time), else the failure. */
    private AccessToken stillValidOr(Instant now, TokenUnavailableException failure) throws TokenUnavailableException {
        if (token != null && expiresAt != null && now.isBefore(expiresAt)) {
            return token;
        }
        throw failure;
    }

    private Duration ahead(Duration lifetime) {
        Duration half = lifetime.dividedBy(2);
        return renewBefore.compareTo(half) > 0 ? half : renewBefore;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return describe();
    }
}
