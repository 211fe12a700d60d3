package io.splice.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Brings the ledger database to the current schema version (Flyway, {@code db/ledger}). */
public final class LedgerSchema {

    private LedgerSchema() {
    }

    public static void migrate(DataSource ledger) {
        migrate(ledger, null);
    }

    /** @param schema the schema the ledger's tables live in, created if missing; null: the connection's default */
    public static void migrate(DataSource ledger, String schema) {
        FluentConfiguration flyway = Flyway.configure();
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        flyway.dataSource(ledger)
                .locations("classpath:db/ledger")
                .table("splice_schema_history")
                .load()
                .migrate();
    }

    /**
     * A dry run's ledger starts empty: its schema is dropped and made anew, so every dry run judges the whole source
     * by the current definition and never mixes with what a real run recorded in the default schema.
     */
    public static void recreate(DataSource ledger, String schema) throws SQLException {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Ledger schema '" + schema + "' is not a plain lower-case name");
        }
        try (Connection connection = ledger.getConnection(); Statement statement = connection.createStatement()) {
            // a name checked above, never a value from a record: DDL cannot bind it as a parameter
            statement.execute("drop schema if exists " + schema + " cascade");
        }
        migrate(ledger, schema);
    }
}
