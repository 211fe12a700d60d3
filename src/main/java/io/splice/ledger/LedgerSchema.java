package io.splice.ledger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** Brings the ledger database to the current schema version (Flyway, {@code db/ledger}). */
public final class LedgerSchema {

    private LedgerSchema() {
    }

    public static void migrate(DataSource ledger) {
        Flyway.configure()
                .dataSource(ledger)
                .locations("classpath:db/ledger")
                .table("splice_schema_history")
                .load()
                .migrate();
    }
}
