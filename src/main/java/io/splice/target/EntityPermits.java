package io.splice.target;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.splice.record.Keys;
import org.apache.camel.ExchangeProperty;

/**
 * An entity's rate per tenant, held at the target as the host's is ({@link HostPermits}): a request holds one of the
 * rate's permits from just before it is sent until one second after its answer, so no 1-second window at the target
 * holds more of the entity's requests than its rate. The entity's Throttle EIP paces departures; under a loaded CPU
 * departures of one period can reach the target bunched with the next period's, which these permits never let through.
 * <p>
 * A rate changed at runtime (the operator API, JMX) gets a new set of permits; requests holding the old ones give them
 * back to the old set.
 */
public class EntityPermits {

    /** The exchange property holding the request's permit between {@link #take} and {@link #release} (the route). */
    public static final String PERMIT = "spliceEntityPermit";

    // tenant and entity → the permits of its current rate
    private final Map<String, HostPermits> permits = new ConcurrentHashMap<>();

    /**
     * Waits for a permit of the record's entity and tenant, at the rate its throttle used (TargetRates); the route
     * keeps it in {@link #PERMIT}.
     */
    public HostPermits.Permit take(@ExchangeProperty(TargetRates.RATE) int rate, @ExchangeProperty(Keys.TENANT) String tenant,
                                   @ExchangeProperty(Keys.ENTITY) String entity) throws InterruptedException {
        HostPermits current = permits.compute(tenant + '\u0000' + entity,
                (key, old) -> old != null && old.rate() == rate ? old : new HostPermits(rate));
        return current.take();
    }

    /** After the answer or the failure: the permit is free again one second from now, in the set it came from. */
    public void release(@ExchangeProperty(PERMIT) HostPermits.Permit permit) {
        if (permit != null) {
            permit.release();
        }
    }
}
