package io.splice.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The ledger's statements, read once from {@code sql/ledger/*.sql} on the classpath. */
final class LedgerSql {

    private final Map<String, String> statements = new ConcurrentHashMap<>();

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
