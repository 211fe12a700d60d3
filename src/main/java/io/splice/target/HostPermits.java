package io.splice.target;

import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.ExchangeProperty;

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

    /** The exchange property holding the request's permit between {@link #take} and {@link #release} (the routes). */
    public static final String PERMIT = "spliceHostPermit";

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    // free permits, each usable from its instant on; a DelayQueue wakes one waiter at a time (no thundering herd)
    private final DelayQueue<Permit> permits = new DelayQueue<>();
    // permits never handed out yet: made on first use, so a huge rate costs no memory until it is used
    private final AtomicInteger unused;
    private final int rate;

    public HostPermits(int rate) {
        if (rate <= 0) {
            throw new IllegalArgumentException("The target host's rate must be positive, was " + rate);
        }
        this.rate = rate;
        this.unused = new AtomicInteger(rate);
    }

    public int rate() {
        return rate;
    }

    /** Waits for a permit right before the request is sent; the route keeps it in {@link #PERMIT}. */
    public Permit take() throws InterruptedException {
        Permit permit = permits.poll();
        if (permit == null && unused.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            permit = new Permit(this, System.nanoTime());
        }
        return permit != null ? permit : permits.take();
    }

    /**
     * After the answer or the failure: the permit is free again one second from now. The route removes it from the
     * exchange right after, so it is given back once.
     */
    public void release(@ExchangeProperty(PERMIT) Permit permit) {
        if (permit != null) {
            permit.release();
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

    /** One of the rate's permits; it goes back to the permits it came from (a rate changed meanwhile has new ones). */
    public static final class Permit implements Delayed {

        private final HostPermits owner;
        private volatile long freeAt;

        Permit(HostPermits owner, long freeAt) {
            this.owner = owner;
            this.freeAt = freeAt;
        }

        void release() {
            freeAt = System.nanoTime() + WINDOW_NANOS;
            owner.permits.put(this);
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
