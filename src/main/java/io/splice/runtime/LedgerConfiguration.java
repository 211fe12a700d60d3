package io.splice.runtime;

import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import io.splice.db.PooledDataSources;
import io.splice.ledger.Blocking;
import io.splice.ledger.Ledger;
import io.splice.ledger.LedgerSchema;
import io.splice.ledger.Runs;
import io.splice.ledger.Stages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger database, migrated to the current schema (a dry run's in its own schema, emptied first), and the
 * stores the other concerns share over it. Binds ledgerDataSource and ledger.
 */
final class LedgerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerConfiguration.class);

    /** One of each store: records, runs, BLOCKED records and stages all read and write the same ledger. */
    record Stores(HikariDataSource dataSource, Ledger ledger, Runs runs, Blocking blocking, Stages stages) {
    }

    private LedgerConfiguration() {
    }

    static Stores open(Composition c) throws SQLException {
        HikariDataSource ledgerDb = c.bind("ledgerDataSource", c.shutdown().register(migrated(c.settings())));
        return new Stores(ledgerDb, c.bind("ledger", new Ledger(ledgerDb)), new Runs(ledgerDb), new Blocking(ledgerDb),
                new Stages(ledgerDb));
    }

    private static HikariDataSource migrated(Settings settings) throws SQLException {
        if (!settings.dryRun()) {
            HikariDataSource ledger = PooledDataSources.open("ledger", settings.ledger());
            LedgerSchema.migrate(ledger);
            return ledger;
        }
        try (HikariDataSource setUp = PooledDataSources.open("ledger-set-up", settings.ledger())) {
            LedgerSchema.recreate(setUp, settings.ledgerSchema());
        }
        LOG.info("Dry run: nothing is written to the target; the ledger is schema {} of the ledger database",
                settings.ledgerSchema());
        return PooledDataSources.open("ledger", settings.ledger(), settings.ledgerSchema());
    }
}
