package io.splice.sandbox;

import java.util.Optional;

/**
 * What every /api/v1 request passes before it is processed, in the documented order:
 * bearer auth (401), 429 burst or rate limit, random 503, then the configured latency.
 */
final class ApiGate {

    private final SandboxAuthentication auth;
    private final FaultInjector faults;
    private final JsonResponses responses;

    ApiGate(SandboxAuthentication auth, FaultInjector faults, JsonResponses responses) {
        this.auth = auth;
        this.faults = faults;
        this.responses = responses;
    }

    /** The refusal to answer with, or empty once the request may be processed (after any added latency). */
    Optional<SandboxResponse> refusal(IncomingRequest request) {
        Optional<SandboxResponse> unauthorized = auth.refusal(request);
        if (unauthorized.isPresent()) {
            return unauthorized;
        }
        FaultDecision decision = faults.decide(request.arrivedNanos());
        switch (decision.verdict()) {
            case RATE_LIMITED:
                return Optional.of(responses.error(429, "rate_limited")
                        .withHeader("Retry-After", Integer.toString(decision.retryAfterSeconds())));
            case UNAVAILABLE:
                SandboxResponse unavailable = responses.error(503, "unavailable");
                return Optional.of(decision.retryAfterSeconds() > 0
                        ? unavailable.withHeader("Retry-After", Integer.toString(decision.retryAfterSeconds()))
                        : unavailable);
            default:
                pause(decision.latencyMillis());
                return Optional.empty();
        }
    }

    private static void pause(long latencyMillis) {
        if (latencyMillis <= 0) {
            return;
        }
        try {
            Thread.sleep(latencyMillis);
        } catch (InterruptedException e) {
            // Interrupted by close(): answer right away and let the pool see the flag
            Thread.currentThread().interrupt();
        }
    }
}
