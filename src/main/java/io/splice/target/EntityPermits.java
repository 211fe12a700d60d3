package io.splice.target;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.splice.record.Keys;
import org.apache.camel.Exchange;

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

    static final String PERMIT = "spliceEntityPermit";
    private static final String PERMITS = "spliceEntityPermits";

    // tenant and entity → the permits of its current rate
    private final Map<String, HostPermits> permits = new ConcurrentHashMap<>();

    /** Waits for a permit of the record's entity and tenant, at the rate its throttle used (TargetRates.apply). */
    public void take(Exchange exchange) throws InterruptedException {
        int rate = exchange.getProperty(TargetRates.RATE, Integer.class);
        String id = exchange.getProperty(Keys.TENANT, String.class) + '\u0000' + exchange.getProperty(Keys.ENTITY, String.class);
        HostPermits current = permits.compute(id, (key, old) -> old != null && old.rate() == rate ? old
                : new HostPermits(rate, PERMIT));
        exchange.setProperty(PERMITS, current);
        current.take(exchange);
    }

    /** After the answer or the failure: the permit is free again one second from now. */
    public void release(Exchange exchange) {
        HostPermits held = exchange.getProperty(PERMITS, HostPermits.class);
        if (held != null) {
            exchange.removeProperty(PERMITS);
            held.release(exchange);
        }
    }
}
