package io.splice.reference;

import io.splice.definition.CompiledMigration;
import io.splice.ledger.Blocking;
import io.splice.ledger.Ledger;
import io.splice.record.RecordKey;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases the records a record blocked (its children, or with order strict the later records of its group), once
 * it is MIGRATED (by a run, a replay, or a release): in the transaction that records it MIGRATED they become QUEUED
 * for its run; {@link ReleaseWaves} sends them, in source order, when the wave that released them is over.
 */
public class BlockedRecords {

    private final CompiledMigration migration;
    private final Ledger ledger;
    private final Blocking blocking;
    private final GroupOrder groupOrder;
    private final TransactionTemplate transaction;

    public BlockedRecords(CompiledMigration migration, Ledger ledger, Blocking blocking, GroupOrder groupOrder,
                          TransactionTemplate transaction) {
        this.migration = migration;
        this.ledger = ledger;
        this.blocking = blocking;
        this.groupOrder = groupOrder;
        this.transaction = transaction;
    }

    /**
     * Records the record MIGRATED and, in the same transaction, the records it blocked QUEUED for its run.
     *
     * @return how many records it released
     */
    public int migrated(RecordKey key, String runId, String targetId, Integer httpStatus, int attempts,
                        String keptRequestBody) {
        boolean strict = migration.entity(key.entity()).strictOrder();
        if (!migration.isReferenced(key.entity()) && !strict) {
            ledger.recordMigrated(key, targetId, httpStatus, attempts, keptRequestBody);
            return 0;
        }
        Integer released = transaction.execute(status -> {
            ledger.recordMigrated(key, targetId, httpStatus, attempts, keptRequestBody);
            return blocking.releaseChildren(key.tenant(), key.entity(), key.sourceKey(), runId);
        });
        if (strict) {
            groupOrder.migrated(key.tenant(), key.entity(), key.sourceKey());
        }
        return released == null ? 0 : released;
    }
}
