package io.splice.target;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * One entity's view of its target: closed while calls get answers, open (records wait) from the
 * {@code failuresToOpen}-th transient failure in a row until a probe gets an answer.
 */
final class OutageCircuit {

    private final int failuresToOpen;
    private final Clock clock;
    private int failuresInARow;
    private Instant waitingSince;

    OutageCircuit(int failuresToOpen, Clock clock) {
        this.failuresToOpen = failuresToOpen;
        this.clock = clock;
    }

    /** A call failed transiently; true if this failure opened the circuit. */
    synchronized boolean failed() {
        failuresInARow++;
        if (waitingSince == null && failuresInARow >= failuresToOpen) {
            waitingSince = clock.instant();
            return true;
        }
        return false;
    }

    /** The target answered (a call or a probe); the time the circuit had been open, or null if it was closed. */
    synchronized Instant answered() {
        failuresInARow = 0;
        Instant since = waitingSince;
        if (since != null) {
            waitingSince = null;
            notifyAll();
        }
        return since;
    }

    synchronized Instant waitingSince() {
        return waitingSince;
    }

    /** Blocks while the circuit is open, looking at {@code giveUp} every {@code sliceMillis}; true if it closed. */
    synchronized boolean awaitClosed(long sliceMillis, BooleanSupplier giveUp) throws InterruptedException {
        while (waitingSince != null) {
            if (giveUp.getAsBoolean()) {
                return false;
            }
            wait(sliceMillis);
        }
        return true;
    }
}
