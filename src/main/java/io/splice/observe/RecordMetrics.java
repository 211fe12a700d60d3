package io.splice.observe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;

/**
 * Splice's own Prometheus metrics: {@code splice_records_total{tenant, entity, outcome}} with outcome read, skipped,
 * queued, migrated, failed or blocked; the target's latency and the throttles' waits. Counted where they happen; a
 * no-op when metrics are off. Meters are registered once per tag combination and kept: registering on every call
 * (building ids, sorting tags, a registry lookup) was a measurable part of a record's CPU.
 */
public class RecordMetrics {

    private final CamelContext context;
    private volatile MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> targetTimers = new ConcurrentHashMap<>();
    private final Map<String, Timer> throttleTimers = new ConcurrentHashMap<>();

    public RecordMetrics(CamelContext context) {
        this.context = context;
    }

    public void count(String tenant, String entity, String outcome, long records) {
        MeterRegistry meters = registry();
        if (meters == null || records <= 0) {
            return;
        }
        counters.computeIfAbsent(tenant + '\u0000' + entity + '\u0000' + outcome, id -> Counter.builder("splice.records")
                        .description("Records by what became of them")
                        .tag("tenant", tenant).tag("entity", entity).tag("outcome", outcome).register(meters))
                .increment(records);
    }

    /** How long a call to the target took (splice_target_seconds, a histogram) by entity and answer class. */
    public void targetCall(String entity, int status, long nanos) {
        MeterRegistry meters = registry();
        if (meters == null) {
            return;
        }
        String statusClass = status / 100 + "xx";
        targetTimers.computeIfAbsent(entity + '\u0000' + statusClass, id -> Timer.builder("splice.target")
                        .description("Calls to the target, from send to answer")
                        .tag("entity", entity).tag("status", statusClass).publishPercentileHistogram().register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** How long a record waited in the throttles before its call (splice_throttle_wait_seconds). */
    public void throttleWait(String entity, long nanos) {
        MeterRegistry meters = registry();
        if (meters == null) {
            return;
        }
        throttleTimers.computeIfAbsent(entity, id -> Timer.builder("splice.throttle.wait")
                        .description("Time records waited for a throttle permit").tag("entity", entity).register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
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
