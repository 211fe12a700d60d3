package io.splice.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/** The ledger's statements, read once from {@code sql/ledger/*.sql} on the classpath. */
final class LedgerSql {

    private final Map<String, String> statements = new ConcurrentHashMap<>();

    /** Whether the ledger is PostgreSQL (the production ledger; the embedded default is H2). */
    static boolean isPostgres(DataSource ledger) {
        try (Connection connection = ledger.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the ledger database: " + e.getMessage(), e);
        }
    }

    String get(String name) {
        return statements.computeIfAbsent(name, LedgerSql::load);
    }

    private static String load(String name) {
        String resource = "sql/ledger/" + name + ".sql";
        try (InputStream in = LedgerSql.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Ledger statement " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
