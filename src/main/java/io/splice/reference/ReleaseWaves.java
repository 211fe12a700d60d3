package io.splice.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.splice.definition.CompiledMigration;
import io.splice.ledger.BlockedRecord;
import io.splice.ledger.Blocking;
import io.splice.ledger.Ledger;
import io.splice.record.Keys;
import io.splice.record.LazyProducer;
import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
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
    private static final long PROGRESS_LOG_MILLIS = 5_000;

    private final CompiledMigration migration;
    private final Blocking blocking;
    private final Ledger ledger;
    private final AtomicLong lastProgressLog = new AtomicLong();
    private final LazyProducer producer;

    public ReleaseWaves(CamelContext context, CompiledMigration migration, Blocking blocking, Ledger ledger) {
        this.producer = new LazyProducer(context);
        this.migration = migration;
        this.blocking = blocking;
        this.ledger = ledger;
    }

    /**
     * The await-outcomes step: records of the run (or level) without outcome; when all of them are released records
     * waiting for their wave, the wave is sent first.
     */
    public long inFlight(@ExchangeProperty(Keys.RUN_ID) String runId, @ExchangeProperty(Keys.LEVEL) List<String> level) {
        long queued = queued(runId, level);
        if (queued == 0) {
            return 0;
        }
        long unsent = blocking.countReleasedUnsent(runId, level);
        if (unsent > 0 && unsent >= queued) {
            send(runId, inSourceOrder(blocking.releasedUnsent(runId, level)));
        }
        return queued;
    }

    /**
     * Records this run queued that have no outcome yet: of the level being migrated (a resumed run may hold QUEUED
     * records of later levels whose messages died with the process; their level sends them again), or of the
     * whole run (a replay: the records it releases belong to other entities).
     */
    private long queued(String runId, List<String> level) {
        long queued = level == null ? ledger.countQueued(runId) : ledger.countQueued(runId, level);
        long now = System.currentTimeMillis();
        long last = lastProgressLog.get();
        if (now - last >= PROGRESS_LOG_MILLIS && lastProgressLog.compareAndSet(last, now)) {
            LOG.info("Run {}: {} records in flight", runId, queued);
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
    public void sent(@ExchangeProperty(Keys.RUN_ID) String runId, @Body List<BlockedRecord> wave) {
        blocking.releasedSent(runId, wave);
    }

    /** The send-released route, when its wave could not be sent: BLOCKED again, for a later run or replay. */
    public void unsendable(@ExchangeProperty(Keys.RUN_ID) String runId, @Body List<BlockedRecord> wave) {
        blocking.releasedUnsendable(runId, wave);
    }

    private void send(String runId, List<BlockedRecord> wave) {
        LOG.info("Run {}: sending {} released records", runId, wave.size());
        Exchange done = producer.get().send("direct:send-released", exchange -> {
            exchange.setProperty(Keys.RUN_ID, runId);
            exchange.getMessage().setBody(wave);
        });
        if (done.getException() != null) {
            LOG.warn("Run {}: released records not sent: {}", runId, done.getException().getMessage());
        }
    }

}
