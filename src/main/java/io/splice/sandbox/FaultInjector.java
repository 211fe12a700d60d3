package io.splice.sandbox;

import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Decides per request whether to refuse it with 429 (burst or rate limit) or 503, and how much latency to add.
 * Thread-safe: one lock serialises the burst counter, the rate window and the seeded random, which keeps a
 * seeded run reproducible for a given arrival order.
 */
final class FaultInjector {

    private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);

    private final Object lock = new Object();
    private final SlidingWindowCounter rateWindow = new SlidingWindowCounter(WINDOW_NANOS);
    private FaultSettings settings;
    private Random random;
    private long requestsSeen;

    FaultInjector(FaultSettings settings) {
        update(settings);
    }

    /** Replaces the settings and restarts all fault state: burst count, rate window and the random sequence. */
    void update(FaultSettings newSettings) {
        Objects.requireNonNull(newSettings, "faults");
        synchronized (lock) {
            settings = newSettings;
            random = new Random(newSettings.seed());
            requestsSeen = 0;
            rateWindow.clear();
        }
    }

    FaultSettings settings() {
        synchronized (lock) {
            return settings;
        }
    }

    /** @param arrivalNanos {@link System#nanoTime()} at the request's arrival */
    FaultDecision decide(long arrivalNanos) {
        synchronized (lock) {
            long requestNumber = ++requestsSeen;
            int earlierInWindow = settings.rateLimitPerSecond() > 0 ? rateWindow.recordArrival(arrivalNanos) : 0;
            if (inBurst(requestNumber) || (settings.rateLimitPerSecond() > 0 && earlierInWindow >= settings.rateLimitPerSecond())) {
                return FaultDecision.rateLimited(settings.retryAfterSeconds());
            }
            if (settings.unavailableRate() > 0.0 && random.nextDouble() < settings.unavailableRate()) {
                return FaultDecision.unavailable(settings.retryAfterSeconds());
            }
            return FaultDecision.proceed(settings.latencyMillis());
        }
    }

    private boolean inBurst(long requestNumber) {
        long first = settings.burst429AfterRequests() + 1L;
        return settings.burst429Count() > 0 && requestNumber >= first && requestNumber < first + settings.burst429Count();
    }
}
