package io.splice.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;

/** Arrival timestamps of the last window; not thread-safe, its owner serialises access. */
final class SlidingWindowCounter {

    private final long windowNanos;
    private final Deque<Long> arrivals = new ArrayDeque<>();

    SlidingWindowCounter(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** Records an arrival and returns how many arrivals preceded it within the window. */
    int recordArrival(long arrivalNanos) {
        // Subtraction, not comparison, because nanoTime values may overflow
        while (!arrivals.isEmpty() && arrivalNanos - arrivals.peekFirst() >= windowNanos) {
            arrivals.removeFirst();
        }
        int earlier = arrivals.size();
        arrivals.addLast(arrivalNanos);
        return earlier;
    }

    void clear() {
        arrivals.clear();
    }
}
