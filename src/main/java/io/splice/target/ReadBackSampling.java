package io.splice.target;

import io.splice.definition.CompiledEntity;
import io.splice.definition.CompiledMigration;
import io.splice.record.RecordKey;

/**
 * Which migrated records keep their request body in the ledger, for the reconciliation to read them back from the
 * target and compare: {@code percent} of the records of entities with a {@code readPath}, chosen by the source key
 * (the same records every run, spread over the whole entity).
 */
public final class ReadBackSampling {

    private final CompiledMigration migration;
    private final int percent;

    /** @param percent 0 to 100; 0 keeps nothing (a dry run: nothing is at the target to read back) */
    public ReadBackSampling(CompiledMigration migration, int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("splice.reconcile.sample-percent must be 0 to 100, was " + percent);
        }
        this.migration = migration;
        this.percent = percent;
    }

    /** The request body to keep for this record, or null. */
    public String kept(RecordKey key, String requestBody) {
        if (percent == 0 || requestBody == null) {
            return null;
        }
        CompiledEntity entity = migration.entity(key.entity());
        if (entity.writesSql() || entity.target().readPath() == null || entity.target().upload() != null) {
            return null;
        }
        return Math.floorMod(key.sourceKey().hashCode() * 31 + key.tenant().hashCode(), 100) < percent ? requestBody : null;
    }
}
