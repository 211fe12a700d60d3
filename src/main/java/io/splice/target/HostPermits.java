package io.splice.target;

import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;

/**
 * The target host's rate, shared by every entity, tenant and level: at most {@code rate} requests reach the host in
 * any window of one second, however many start together and however long each takes to leave.
 * <p>
 * A request holds one of {@code rate} permits from just before it is sent until one second after its answer (or its
 * failure). The host sees a request somewhere between those two instants, so any 1-second window at the host holds
 * at most {@code rate} of them: of the requests it holds, the last to take its permit found the others' permits
 * still in use. A throttle that counts departures cannot promise that: a request delayed on its way (a new
 * connection, a pause) reaches the host bunched with the next period's.
 */
public class HostPermits {

    /** The exchange property holding the request's permit between {@link #take} and {@link #release}. */
    static final String PERMIT = "spliceHostPermit";

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    // free permits, each usable from its instant on; a DelayQueue wakes one waiter at a time (no thundering herd)
    private final DelayQueue<Permit> permits = new DelayQueue<>();
    // permits never handed out yet: made on first use, so a huge rate costs no memory until it is used
    private final AtomicInteger unused;
    private final int rate;
    // where an exchange keeps its permit: the host's and its entity's (EntityPermits) side by side
    private final String property;

    public HostPermits(int rate) {
        this(rate, PERMIT);
    }

    HostPermits(int rate, String property) {
        if (rate <= 0) {
            throw new IllegalArgumentException("The target host's rate must be positive, was " + rate);
        }
        this.rate = rate;
        this.property = property;
        this.unused = new AtomicInteger(rate);
    }

    public int rate() {
        return rate;
    }

    /** Waits for a permit right before the request is sent. */
    public void take(Exchange exchange) throws InterruptedException {
        Permit permit = permits.poll();
        if (permit == null && unused.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            permit = new Permit(System.nanoTime());
        }
        exchange.setProperty(property, permit != null ? permit : permits.take());
    }

    /** After the answer or the failure: the permit is free again one second from now. */
    public void release(Exchange exchange) {
        Permit permit = exchange.getProperty(property, Permit.class);
        if (permit != null) {
            exchange.removeProperty(property);
            permit.freeAt = System.nanoTime() + WINDOW_NANOS;
            permits.put(permit);
        }
    }

    /** Permits usable right now (for tests and diagnostics). */
    int free() {
        int free = unused.get();
        for (Permit permit : permits) {
            if (permit.getDelay(TimeUnit.NANOSECONDS) <= 0) {
                free++;
            }
        }
        return free;
    }

    static final class Permit implements Delayed {

        private volatile long freeAt;

        Permit(long freeAt) {
            this.freeAt = freeAt;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(freeAt - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            // subtraction, not comparison: nanoTime values may overflow
            return other instanceof Permit permit ? Long.signum(freeAt - permit.freeAt)
                    : Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
