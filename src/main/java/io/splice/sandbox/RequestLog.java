package io.splice.sandbox;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request the sandbox answered, kept in arrival order even though concurrent requests finish out of order.
 */
final class RequestLog {

    private final AtomicLong lastSequence = new AtomicLong();
    private final ConcurrentSkipListMap<Long, ReceivedRequest> bySequence = new ConcurrentSkipListMap<>();

    /** Hands out the arrival number; called once per request as soon as it arrives. */
    long nextSequence() {
        return lastSequence.incrementAndGet();
    }

    void record(ReceivedRequest request) {
        bySequence.put(request.sequence(), request);
    }

    List<ReceivedRequest> snapshot() {
        return List.copyOf(bySequence.values());
    }
}
