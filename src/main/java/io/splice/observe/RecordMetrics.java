package io.splice.observe;

import io.micrometer.core.instrument.Counter;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;

/**
 * Splice's own Prometheus metrics: {@code splice_records_total{tenant, entity, outcome}} with outcome read, skipped,
 * queued, migrated, failed or blocked; the target's latency and the throttles' waits. Counted where they happen; a
 * no-op when metrics are off.
 */
public class RecordMetrics {

    private final CamelContext context;
    private volatile MeterRegistry registry;

    public RecordMetrics(CamelContext context) {
        this.context = context;
    }

    public void count(String tenant, String entity, String outcome, long records) {
        MeterRegistry meters = registry();
        if (meters == null || records <= 0) {
            return;
        }
        Counter.builder("splice.records").description("Records by what became of them")
                .tag("tenant", tenant).tag("entity", entity).tag("outcome", outcome)
                .register(meters).increment(records);
    }

    /** How long a call to the target took (splice_target_seconds, a histogram) by entity and answer class. */
    public void targetCall(String entity, int status, long nanos) {
        MeterRegistry meters = registry();
        if (meters == null) {
            return;
        }
        Timer.builder("splice.target").description("Calls to the target, from send to answer")
                .tag("entity", entity).tag("status", status / 100 + "xx").publishPercentileHistogram()
                .register(meters).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** How long a record waited in the throttles before its call (splice_throttle_wait_seconds). */
    public void throttleWait(String entity, long nanos) {
        MeterRegistry meters = registry();
        if (meters == null) {
            return;
        }
        Timer.builder("splice.throttle.wait").description("Time records waited for a throttle permit")
                .tag("entity", entity).register(meters).record(nanos, TimeUnit.NANOSECONDS);
    }

    // bound by camel-micrometer-prometheus when the context starts
    private MeterRegistry registry() {
        MeterRegistry found = registry;
        if (found == null) {
            found = context.getRegistry().findSingleByType(MeterRegistry.class);
            registry = found;
        }
        return found;
    }
}
