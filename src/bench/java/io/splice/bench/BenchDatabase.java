package io.splice.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The benchmark's PostgreSQL databases, all named {@code splice_bench_<purpose>_<random>} and dropped at the end:
 * one source (a table as large as the largest scenario, and a view per size), one ledger for the hand-written loops,
 * and a fresh ledger per Splice run.
 */
final class BenchDatabase implements AutoCloseable {

    private final String host;
    private final int port;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> created = new ArrayList<>();

    BenchDatabase(String host, int port) {
        this.host = host;
        this.port = port;
    }

    String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    String sourceUrl() {
        return url("splice_bench_source_" + suffix);
    }

    String handLedgerUrl() {
        return url("splice_bench_hand_" + suffix);
    }

    /** The source: {@code bench_item} with {@code records} rows over {@code groups} groups, and an index per group. */
    void createSource(long records, int groups) throws SQLException {
        String name = create("source");
        try (Connection c = DriverManager.getConnection(url(name), "postgres", ""); Statement s = c.createStatement()) {
            s.execute("create table bench_item (id bigint primary key, grp integer not null, name varchar(60) not null, "
                    + "amount numeric(12, 2) not null, created_at timestamp not null)");
            s.execute("insert into bench_item select i, i % " + groups + ", 'item-' || i, (i % 100000) / 100.0, "
                    + "timestamp '2020-01-01' + i * interval '1 minute' from generate_series(1, " + records + ") i");
            // B2 reads group by group in key order
            s.execute("create index bench_item_by_group on bench_item (grp, id)");
            s.execute("vacuum analyze bench_item");
        }
    }

    /** A view over the first {@code records} rows: every scenario reads the same table, cut to its size. */
    String sourceOf(long records) throws SQLException {
        String view = "bench_item_" + records;
        try (Connection c = DriverManager.getConnection(sourceUrl(), "postgres", ""); Statement s = c.createStatement()) {
            s.execute("create or replace view " + view + " as select * from bench_item where id <= " + records);
        }
        return view;
    }

    void createHandLedger() throws SQLException {
        String name = create("hand");
        try (Connection c = DriverManager.getConnection(url(name), "postgres", ""); Statement s = c.createStatement()) {
            s.execute("create table bench_ledger (entity varchar(100) not null, source_key varchar(200) not null, "
                    + "status varchar(20) not null, target_id varchar(200), http_status integer, updated_at timestamp not null, "
                    + "primary key (entity, source_key))");
        }
    }

    void truncateHandLedger() throws SQLException {
        try (Connection c = DriverManager.getConnection(handLedgerUrl(), "postgres", ""); Statement s = c.createStatement()) {
            s.execute("truncate bench_ledger");
        }
    }

    /** A new, empty database for one Splice run's ledger (Flyway creates its tables); returns its URL. */
    String freshSpliceLedger(String purpose) throws SQLException {
        return url(create("ledger_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_")));
    }

    Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    private String create(String purpose) throws SQLException {
        String name = "splice_bench_" + purpose + "_" + suffix;
        admin("drop database if exists " + name + " with (force)");
        admin("create database " + name);
        created.add(name);
        return name;
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Drops a Splice ledger as soon as its figures are read, so 20 runs do not leave 20 databases behind. */
    void drop(String url) throws SQLException {
        String name = url.substring(url.lastIndexOf('/') + 1);
        admin("drop database if exists " + name + " with (force)");
        created.remove(name);
    }

    @Override
    public void close() throws SQLException {
        for (String name : List.copyOf(created)) {
            admin("drop database if exists " + name + " with (force)");
        }
        created.clear();
    }
}
