package io.splice.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.splice.definition.CompiledMigration;
import io.splice.ledger.BlockedRecord;
import io.splice.ledger.Blocking;
import io.splice.record.Keys;
import io.splice.pipeline.RunControl;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends released records in waves, so they go out in source order within their group, not in the order their
 * parents happened to migrate: while records a wave sent are without outcome, the records they release wait
 * (QUEUED, still naming who blocked them); once every record left without outcome is such a released one, they
 * are sent together, sorted by entity, group and source key. Their own releases form the next wave.
 * <p>
 * A run's level sends the released records of its own entities (a hierarchy, order strict); those of later levels
 * are read again by their entity's extract, in source order with the rest of their group. A replay sends them all.
 */
public class ReleaseWaves {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseWaves.class);

    private final CamelContext context;
    private final CompiledMigration migration;
    private final Blocking blocking;
    private final RunControl runControl;
    private volatile ProducerTemplate producer;

    public ReleaseWaves(CamelContext context, CompiledMigration migration, Blocking blocking, RunControl runControl) {
        this.context = context;
        this.migration = migration;
        this.blocking = blocking;
        this.runControl = runControl;
    }

    /**
     * The await-outcomes step: records of the run (or level) without outcome; when all of them are released records
     * waiting for their wave, the wave is sent first.
     */
    @SuppressWarnings("unchecked")
    public long inFlight(Exchange exchange) {
        long queued = runControl.inFlight(exchange);
        if (queued == 0) {
            return 0;
        }
        String runId = exchange.getProperty(Keys.RUN_ID, String.class);
        List<String> level = exchange.getProperty(Keys.LEVEL, List.class);
        long unsent = blocking.countReleasedUnsent(runId, level);
        if (unsent > 0 && unsent >= queued) {
            send(runId, inSourceOrder(blocking.releasedUnsent(runId, level)));
        }
        return queued;
    }

    /** Sorted by entity (in level order), tenant, group, and source key as the extract reads it. */
    List<BlockedRecord> inSourceOrder(List<BlockedRecord> released) {
        Map<String, Integer> rank = new HashMap<>();
        List<List<String>> levels = migration.levels();
        for (int i = 0; i < levels.size(); i++) {
            for (String entity : levels.get(i)) {
                rank.put(entity, i);
            }
        }
        List<BlockedRecord> sorted = new ArrayList<>(released);
        sorted.sort(Comparator.<BlockedRecord>comparingInt(r -> rank.getOrDefault(r.entity(), Integer.MAX_VALUE))
                .thenComparing(BlockedRecord::entity).thenComparing(BlockedRecord::tenant)
                .thenComparing(BlockedRecord::groupKey, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing((a, b) -> SourceOrder.of(migration.entity(a.entity())).compare(a.sourceKey(), b.sourceKey())));
        return sorted;
    }

    /** The send-released route, once its wave is on the broker. */
    @SuppressWarnings("unchecked")
    public void sent(Exchange exchange) {
        blocking.releasedSent(exchange.getProperty(Keys.RUN_ID, String.class), exchange.getMessage().getBody(List.class));
    }

    /** The send-released route, when its wave could not be sent: BLOCKED again, for a later run or replay. */
    @SuppressWarnings("unchecked")
    public void unsendable(Exchange exchange) {
        blocking.releasedUnsendable(exchange.getProperty(Keys.RUN_ID, String.class),
                exchange.getMessage().getBody(List.class));
    }

    private void send(String runId, List<BlockedRecord> wave) {
        LOG.info("Run {}: sending {} released records", runId, wave.size());
        Exchange done = producer().send("direct:send-released", exchange -> {
            exchange.setProperty(Keys.RUN_ID, runId);
            exchange.getMessage().setBody(wave);
        });
        if (done.getException() != null) {
            LOG.warn("Run {}: released records not sent: {}", runId, done.getException().getMessage());
        }
    }

    private ProducerTemplate producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = context.createProducerTemplate();
                }
            }
        }
        return producer;
    }
}
