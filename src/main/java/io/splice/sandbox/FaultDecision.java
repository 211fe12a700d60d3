package io.splice.sandbox;

/**
 * What fault injection decided for one request.
 *
 * @param verdict           whether the request proceeds or is refused, and how
 * @param retryAfterSeconds Retry-After to send with a refusal; 0 = no header
 * @param latencyMillis     delay to add before processing a request that proceeds
 */
record FaultDecision(Verdict verdict, int retryAfterSeconds, long latencyMillis) {

    enum Verdict { PROCEED, RATE_LIMITED, UNAVAILABLE }

    static FaultDecision proceed(long latencyMillis) {
        return new FaultDecision(Verdict.PROCEED, 0, latencyMillis);
    }

    static FaultDecision rateLimited(int retryAfterSeconds) {
        // A 429 without Retry-After leaves clients guessing, so it always carries at least 1 s
        return new FaultDecision(Verdict.RATE_LIMITED, Math.max(1, retryAfterSeconds), 0L);
    }

    static FaultDecision unavailable(int retryAfterSeconds) {
        return new FaultDecision(Verdict.UNAVAILABLE, retryAfterSeconds, 0L);
    }
}
