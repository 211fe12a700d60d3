package io.splice.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Baselines B1 and B2, what a user would write by hand: read a keyset page over JDBC, POST each record with
 * java.net.http, insert its outcome into a ledger table, one record after the other. With several threads each owns
 * the groups {@code g} with {@code g % threads == thread}, read group by group in key order (so per-group order holds).
 * Usage: {@code HandLoop SOURCE_URL LEDGER_URL TARGET_URL TABLE THREADS GROUPS PAGE_SIZE}; prints
 * {@code RESULT <records> <seconds>}.
 */
public final class HandLoop {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEDGER_INSERT = "insert into bench_ledger (entity, source_key, status, target_id, http_status, updated_at) "
            + "values ('items', ?, ?, ?, ?, ?) on conflict (entity, source_key) do update set status = excluded.status, "
            + "target_id = excluded.target_id, http_status = excluded.http_status, updated_at = excluded.updated_at";

    private final String sourceUrl;
    private final String ledgerUrl;
    private final URI target;
    private final String table;
    private final int pageSize;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong records = new AtomicLong();

    private HandLoop(String sourceUrl, String ledgerUrl, String targetUrl, String table, int pageSize) {
        this.sourceUrl = sourceUrl;
        this.ledgerUrl = ledgerUrl;
        this.target = URI.create(targetUrl + "/api/v1/items");
        this.table = table;
        this.pageSize = pageSize;
    }

    public static void main(String[] args) throws Exception {
        HandLoop loop = new HandLoop(args[0], args[1], args[2], args[3], Integer.parseInt(args[6]));
        int threads = Integer.parseInt(args[4]);
        int groups = Integer.parseInt(args[5]);
        long started = System.nanoTime();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Integer> owned = new ArrayList<>();
            for (int g = t; g < groups; g += threads) {
                owned.add(g);
            }
            workers.add(() -> loop.migrate(threads == 1 ? null : owned));
        }
        Workers.runAll(workers);
        System.out.println(BenchHttp.resentLine());
        System.out.println("RESULT " + loop.records.get() + " " + (System.nanoTime() - started) / 1e9);
    }

    /** @param groups the groups this thread owns, or null for the whole table in key order (B1) */
    private Void migrate(List<Integer> groups) throws Exception {
        try (Connection source = DriverManager.getConnection(sourceUrl, "postgres", "");
             Connection ledger = DriverManager.getConnection(ledgerUrl, "postgres", "");
             PreparedStatement record = ledger.prepareStatement(LEDGER_INSERT)) {
            if (groups == null) {
                migratePages(source.prepareStatement("select id, grp, name, amount, created_at from " + table
                        + " where id > ? order by id limit " + pageSize), null, record);
            } else {
                PreparedStatement page = source.prepareStatement("select id, grp, name, amount, created_at from " + table
                        + " where grp = ? and id > ? order by id limit " + pageSize);
                for (int group : groups) {
                    migratePages(page, group, record);
                }
            }
        }
        return null;
    }

    private void migratePages(PreparedStatement page, Integer group, PreparedStatement record) throws Exception {
        long lastKey = 0;
        int read;
        do {
            int p = 1;
            if (group != null) {
                page.setInt(p++, group);
            }
            page.setLong(p, lastKey);
            read = 0;
            try (ResultSet rows = page.executeQuery()) {
                while (rows.next()) {
                    lastKey = rows.getLong("id");
                    send(rows, record);
                    read++;
                }
            }
        } while (read == pageSize);
    }

    private void send(ResultSet row, PreparedStatement record) throws Exception {
        long id = row.getLong("id");
        ObjectNode body = JSON.createObjectNode().put("legacyId", id).put("groupId", row.getInt("grp"))
                .put("name", row.getString("name")).put("amount", row.getBigDecimal("amount"))
                .put("createdAt", row.getTimestamp("created_at").toInstant().toString());
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Idempotency-Key", "bench:items:" + id)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = BenchHttp.send(http, request);
        boolean created = response.statusCode() / 100 == 2;
        record.setString(1, String.valueOf(id));
        record.setString(2, created ? "MIGRATED" : "FAILED");
        record.setString(3, created ? JSON.readTree(response.body()).path("id").asText() : null);
        record.setInt(4, response.statusCode());
        record.setTimestamp(5, Timestamp.from(Instant.now()));
        record.executeUpdate();
        records.incrementAndGet();
    }
}
