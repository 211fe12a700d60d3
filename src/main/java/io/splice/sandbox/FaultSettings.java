package io.splice.sandbox;

/**
 * What the sandbox target does wrong on purpose, so clients can be tested against throttling and outages.
 *
 * @param unavailableRate       fraction (0..1) of requests answered 503, drawn from a random seeded with {@code seed}
 * @param rateLimitPerSecond    0 = off; otherwise a request is answered 429 when this many requests already
 *                              arrived in the preceding 1000 ms (a sliding window over arrivals)
 * @param retryAfterSeconds     Retry-After value on 429 (at least 1) and on 503 (0 = header omitted)
 * @param burst429AfterRequests after this many requests, answer the next {@code burst429Count} with 429, once
 * @param burst429Count         length of the one-off 429 burst (0 = off)
 * @param latencyMillis         delay added before answering a request that passes fault injection
 * @param seed                  seed of the random that decides the 503s, so a run can be repeated exactly
 */
public record FaultSettings(double unavailableRate,
                            int rateLimitPerSecond,
                            int retryAfterSeconds,
                            int burst429AfterRequests,
                            int burst429Count,
                            long latencyMillis,
                            long seed) {

    public FaultSettings {
        if (Double.isNaN(unavailableRate) || unavailableRate < 0.0 || unavailableRate > 1.0) {
            throw new IllegalArgumentException("unavailableRate must be within 0..1, was " + unavailableRate);
        }
        requireNotNegative("rateLimitPerSecond", rateLimitPerSecond);
        requireNotNegative("retryAfterSeconds", retryAfterSeconds);
        requireNotNegative("burst429AfterRequests", burst429AfterRequests);
        requireNotNegative("burst429Count", burst429Count);
        requireNotNegative("latencyMillis", latencyMillis);
    }

    public static FaultSettings none() {
        return new FaultSettings(0.0, 0, 0, 0, 0, 0L, 0L);
    }

    public FaultSettings withUnavailableRate(double value) {
        return new FaultSettings(value, rateLimitPerSecond, retryAfterSeconds, burst429AfterRequests, burst429Count, latencyMillis, seed);
    }

    public FaultSettings withRateLimitPerSecond(int value) {
        return new FaultSettings(unavailableRate, value, retryAfterSeconds, burst429AfterRequests, burst429Count, latencyMillis, seed);
    }

    public FaultSettings withRetryAfterSeconds(int value) {
        return new FaultSettings(unavailableRate, rateLimitPerSecond, value, burst429AfterRequests, burst429Count, latencyMillis, seed);
    }

    public FaultSettings withBurst429AfterRequests(int value) {
        return new FaultSettings(unavailableRate, rateLimitPerSecond, retryAfterSeconds, value, burst429Count, latencyMillis, seed);
    }

    public FaultSettings withBurst429Count(int value) {
        return new FaultSettings(unavailableRate, rateLimitPerSecond, retryAfterSeconds, burst429AfterRequests, value, latencyMillis, seed);
    }

    /** Convenience for the common case: after {@code afterRequests} requests, answer the next {@code count} with 429. */
    public FaultSettings withBurst429(int afterRequests, int count) {
        return new FaultSettings(unavailableRate, rateLimitPerSecond, retryAfterSeconds, afterRequests, count, latencyMillis, seed);
    }

    public FaultSettings withLatencyMillis(long value) {
        return new FaultSettings(unavailableRate, rateLimitPerSecond, retryAfterSeconds, burst429AfterRequests, burst429Count, value, seed);
    }

    public FaultSettings withSeed(long value) {
        return new FaultSettings(unavailableRate, rateLimitPerSecond, retryAfterSeconds, burst429AfterRequests, burst429Count, latencyMillis, value);
    }

    private static void requireNotNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
