package io.splice.reference;

import java.util.List;

import io.splice.definition.CompiledMigration;
import io.splice.ledger.BlockedRecord;
import io.splice.ledger.Blocking;
import io.splice.pipeline.Keys;
import org.apache.camel.Exchange;

/** Releases the records a parent blocked, once that parent is MIGRATED (by a run, a replay, or a release). */
public class BlockedRecords {

    private final CompiledMigration migration;
    private final Blocking ledger;

    public BlockedRecords(CompiledMigration migration, Blocking ledger) {
        this.migration = migration;
        this.ledger = ledger;
    }

    /** The records blocked by the record this exchange just migrated (none if nothing references its entity). */
    public List<BlockedRecord> blockedBy(Exchange exchange) {
        String entity = exchange.getProperty(Keys.ENTITY, String.class);
        if (migration.referencesTo(entity).isEmpty()) {
            return List.of();
        }
        return ledger.blockedBy(exchange.getProperty(Keys.TENANT, String.class), entity,
                exchange.getProperty(Keys.SOURCE_KEY, String.class));
    }

    /** After its message is on the queue: QUEUED for the releasing record's run. */
    public void released(Exchange exchange) {
        BlockedRecord record = exchange.getProperty(Keys.RELEASED, BlockedRecord.class);
        ledger.markReleased(record, exchange.getProperty(Keys.RUN_ID, String.class),
                exchange.getProperty(Keys.ENTITY, String.class), exchange.getProperty(Keys.SOURCE_KEY, String.class));
    }
}
