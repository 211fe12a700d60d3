package io.splice.reference;

import java.util.List;

import io.splice.definition.CompiledMigration;
import io.splice.ledger.BlockedRecord;
import io.splice.ledger.Blocking;
import io.splice.ledger.Ledger;
import io.splice.ledger.RecordKey;
import io.splice.pipeline.Keys;
import org.apache.camel.Exchange;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases the records a parent blocked, once that parent is MIGRATED (by a run, a replay, or a release): in the
 * transaction that records the parent MIGRATED they become QUEUED for its run, then they are sent.
 */
public class BlockedRecords {

    private final CompiledMigration migration;
    private final Ledger ledger;
    private final Blocking blocking;
    private final TransactionTemplate transaction;

    public BlockedRecords(CompiledMigration migration, Ledger ledger, Blocking blocking, TransactionTemplate transaction) {
        this.migration = migration;
        this.ledger = ledger;
        this.blocking = blocking;
        this.transaction = transaction;
    }

    /**
     * Records the parent MIGRATED and, in the same transaction, its blocked children QUEUED for its run.
     *
     * @return how many children it released (to send)
     */
    public int migrated(RecordKey key, String runId, String targetId, Integer httpStatus, int attempts,
                        String keptRequestBody) {
        if (!migration.isReferenced(key.entity())) {
            ledger.recordMigrated(key, targetId, httpStatus, attempts, keptRequestBody);
            return 0;
        }
        Integer released = transaction.execute(status -> {
            ledger.recordMigrated(key, targetId, httpStatus, attempts, keptRequestBody);
            return blocking.releaseChildren(key.tenant(), key.entity(), key.sourceKey(), runId);
        });
        return released == null ? 0 : released;
    }

    /** The records the record of this exchange released, to send. */
    public List<BlockedRecord> releasedBy(Exchange exchange) {
        String entity = exchange.getProperty(Keys.ENTITY, String.class);
        // most parents release nobody: then no query on the hot path
        if (exchange.getProperty(Keys.RELEASED_COUNT, 0, Integer.class) == 0) {
            return List.of();
        }
        return blocking.releasedBy(exchange.getProperty(Keys.TENANT, String.class), entity,
                exchange.getProperty(Keys.SOURCE_KEY, String.class), exchange.getProperty(Keys.RUN_ID, String.class));
    }

    /** Sending them failed: BLOCKED again, for a later run or replay. */
    public void unrelease(Exchange exchange) {
        blocking.unrelease(exchange.getProperty(Keys.TENANT, String.class), exchange.getProperty(Keys.ENTITY, String.class),
                exchange.getProperty(Keys.SOURCE_KEY, String.class), exchange.getProperty(Keys.RUN_ID, String.class));
    }
}
