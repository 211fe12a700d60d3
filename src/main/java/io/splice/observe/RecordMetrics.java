package io.splice.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;

/**
 * Splice's own Prometheus metrics: {@code splice_records_total{tenant, entity, outcome}} with outcome read, skipped,
 * queued, migrated, failed or blocked. Counted where the outcome is decided; a no-op when metrics are off.
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
