package io.splice.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.report.CompletedRun;
import io.splice.report.RunReport;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.ReceivedRequest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.sandbox.StoredRecord;
import io.splice.testing.DeadLetters;
import io.splice.testing.FaultyProxy;
import io.splice.testing.FaultyProxy.Fault;
import io.splice.testing.FaultyProxy.Handled;
import io.splice.testing.FaultyProxy.Kind;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Splice against a hostile network and target (issue 6, part 3): a {@link FaultyProxy} in front of the sandbox
 * answers 503s, 429 bursts with Retry-After, holds answers past Splice's response timeout (after the target acted,
 * and before), resets connections (after the target acted, and before), slows answers down; the sandbox itself
 * answers 422 to records with bad data. Every fault is drawn from a random seeded by {@link #SEED}, the record's
 * key and its attempt, so a run repeats the same faults per record whatever the interleaving.
 */
class HostileTargetTest {

    static final long SEED = 6;
    private static final int GROUPS = 12;
    private static final int PER_GROUP = 50;
    private static final int RECORDS = GROUPS * PER_GROUP;
    private static final long RESPONSE_TIMEOUT_MILLIS = 500;
    private static final long HELD_MILLIS = RESPONSE_TIMEOUT_MILLIS + 300;
    // the record held back by three 429s with Retry-After 1: its group must wait, the others must not
    private static final long PARKED_ID = 9 * GROUPS + 3;
    private static final int BURST_FROM = 150;
    private static final int BURST_LENGTH = 12;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFINITION = """
            migration: hostile
            entities:
              parcels:
                source:
                  table: parcels
                  columns: [id, grp, seq, street, house_number, postcode, city]
                  key: id
                  pageSize: 100
                group: grp
                concurrency: 6
                mapping:
                  fields:
                    legacyId: id
                    projectId: grp
                    group: grp
                    seq: seq
                    street: street
                    houseNumber: house_number
                    postcode: postcode
                    city: city
                target:
                  path: /api/v1/addresses
            """;

    @TempDir
    Path workDir;

    private TestStack stack;
    private SandboxTarget sandbox;
    private FaultyProxy proxy;
    private SpliceUnderTest splice;
    private Set<Long> invalid;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        invalid = createParcels(stack.source().dataSource());
        Path definition = Files.writeString(workDir.resolve("hostile.yaml"), DEFINITION);
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
        proxy = stack.started(FaultyProxy.start(sandbox.baseUrl(), HostileTargetTest::hostile));
        splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, Map.of(
                "splice.migrations", "file:" + definition,
                "splice.target.url", proxy.url(),
                "splice.target.response-timeout-millis", String.valueOf(RESPONSE_TIMEOUT_MILLIS),
                "splice.load.rate", "2000",
                "splice.target.rate", "2000",
                "splice.retry.initial-delay-millis", "20",
                "splice.retry.maximum-delay-millis", "500",
                "splice.retry.maximum-redeliveries", "12")));
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void everyValidRecordArrivesOnceInGroupOrderAndEvery422FailsWithItsPayloadAndMigratesOnceFixed() throws Exception {
        // when the migration runs through the hostile proxy
        CompletedRun run = splice.run();
        List<Handled> handled = proxy.handled();
        List<StoredRecord> stored = sandbox.records("addresses");

        // then the faults really happened, every kind of them
        Map<Kind, Long> faults = handled.stream().filter(h -> h.request().idempotencyKey() != null)
                .collect(Collectors.groupingBy(h -> h.fault().kind(), () -> new EnumMap<>(Kind.class), Collectors.counting()));
        assertThat(faults.keySet()).contains(Kind.UNAVAILABLE, Kind.RATE_LIMITED, Kind.TIMEOUT_AFTER_TARGET,
                Kind.TIMEOUT_BEFORE_TARGET, Kind.RESET_BEFORE_TARGET, Kind.RESET_AFTER_TARGET, Kind.SLOW);
        long lostAnswers = faults.getOrDefault(Kind.TIMEOUT_AFTER_TARGET, 0L) + faults.getOrDefault(Kind.RESET_AFTER_TARGET, 0L);
        assertThat(lostAnswers).as("answers lost after the target acted").isGreaterThan(20);
        List<ReceivedRequest> replayedByKey = sandbox.requests().stream()
                .filter(r -> r.status() == 200 && r.method().equals("POST")).toList();
        assertThat(replayedByKey).as("re-sends the idempotency key turned into the first record").isNotEmpty();

        // every valid record is at the target exactly once: one record per legacy id, one 201 per key
        assertThat(run.report().status()).isEqualTo("COMPLETED");
        Map<Long, Long> copies = stored.stream().collect(Collectors.groupingBy(HostileTargetTest::legacyId, Collectors.counting()));
        assertThat(copies.values()).as("copies of a record at the target").allMatch(n -> n == 1);
        assertThat(copies.keySet()).isEqualTo(validIds());
        Map<String, Long> created = sandbox.requests().stream().filter(r -> r.status() == 201)
                .collect(Collectors.groupingBy(ReceivedRequest::idempotencyKey, Collectors.counting()));
        assertThat(created.values()).allMatch(n -> n == 1);
        RunReport.EntityCounts counts = run.report().entities().get(0);
        assertThat(counts.migrated()).isEqualTo(RECORDS - invalid.size());
        assertThat(counts.failed()).isEqualTo(invalid.size());
        assertThat(counts.pending()).isZero();
        Map<String, String> targetIds = new HashMap<>();
        splice.ledger().query("select source_key, target_id from splice_record where status = 'MIGRATED'",
                rs -> { targetIds.put(rs.getString(1), rs.getString(2)); });
        assertThat(targetIds).isEqualTo(stored.stream().collect(Collectors.toMap(r -> String.valueOf(legacyId(r)), StoredRecord::id)));

        // order within a group held throughout: no request of a group ever arrived after a later record of it,
        // neither at the target nor at the proxy (retries included)
        assertGroupOrder(stored.stream().map(r -> (JsonNode) JSON.valueToTree(r.body())).toList(), "created at the target");
        assertGroupOrder(handled.stream().filter(h -> h.request().idempotencyKey() != null)
                .sorted((a, b) -> Long.compare(a.request().number(), b.request().number()))
                .map(h -> body(h.request().body())).toList(), "arrived at the proxy");

        // while the parked record waited (three 429s with Retry-After 1), its group waited and the others flowed
        List<Handled> parked = handled.stream().filter(h -> key(PARKED_ID).equals(h.request().idempotencyKey()))
                .sorted((a, b) -> Long.compare(a.request().number(), b.request().number())).toList();
        assertThat(parked).extracting(h -> h.fault().kind()).startsWith(Kind.RATE_LIMITED, Kind.RATE_LIMITED, Kind.RATE_LIMITED);
        long waitFrom = parked.get(0).request().arrivedNanos();
        long waitUntil = parked.get(parked.size() - 1).request().arrivedNanos();
        assertThat(waitUntil - waitFrom).as("Retry-After honoured three times").isGreaterThanOrEqualTo(3_000_000_000L);
        List<Handled> meanwhile = handled.stream().filter(h -> h.request().idempotencyKey() != null
                && h.request().arrivedNanos() > waitFrom && h.request().arrivedNanos() < waitUntil
                && !h.request().idempotencyKey().equals(key(PARKED_ID))).toList();
        assertThat(meanwhile).as("requests of the parked record's group while it waited")
                .noneMatch(h -> group(h) == group(PARKED_ID));
        assertThat(meanwhile).as("records of other groups created while it waited")
                .filteredOn(h -> h.targetStatus() == 201).hasSizeGreaterThan(20);

        // every 422 is FAILED with the target's reason and the record as read, and parked on the DLQ
        Map<Long, Map<String, Object>> failed = new TreeMap<>();
        splice.ledger().queryForList("select source_key, status, reason, http_status, error_message, payload "
                + "from splice_record where status <> 'MIGRATED'")
                .forEach(row -> failed.put(Long.valueOf((String) row.get("source_key")), row));
        assertThat(failed.keySet()).isEqualTo(new TreeSet<>(invalid));
        for (Map.Entry<Long, Map<String, Object>> row : failed.entrySet()) {
            assertThat(row.getValue()).containsEntry("status", "FAILED").containsEntry("http_status", 422)
                    .containsEntry("reason", "HTTP 422 postcode: must match 9999 AA");
            assertThat((String) row.getValue().get("error_message")).isEqualTo("parcels " + row.getKey()
                    + " (tenant default): target answered HTTP 422: postcode: must match 9999 AA (value: \"99-XX\")");
            JsonNode payload = JSON.readTree((String) row.getValue().get("payload"));
            assertThat(payload.path("id").asLong()).isEqualTo(row.getKey());
            assertThat(payload.path("postcode").asText()).isEqualTo("99-XX");
        }
        assertThat(DeadLetters.browse(splice.brokerConnections(), "DLQ.splice.parcels"))
                .extracting(d -> Long.valueOf(d.sourceKey())).containsExactlyInAnyOrderElementsOf(invalid);

        // when the data owners fix the postcodes and the entity is replayed from the source, through the same faults
        fixPostcodes(stack.source().dataSource());
        CompletedRun replay = splice.replay("default", "parcels");

        // then they migrated too, once each, and nothing else was created again
        assertThat(replay.report().status()).isEqualTo("COMPLETED");
        assertThat(replay.report().entities().get(0).migrated()).isEqualTo(invalid.size());
        List<StoredRecord> after = sandbox.records("addresses");
        Map<Long, Long> copiesAfter = after.stream().collect(Collectors.groupingBy(HostileTargetTest::legacyId, Collectors.counting()));
        assertThat(copiesAfter.values()).allMatch(n -> n == 1);
        assertThat(copiesAfter).hasSize(RECORDS);
        assertThat(after).filteredOn(r -> invalid.contains(legacyId(r))).allMatch(r -> "1234 AB".equals(r.body().get("postcode")));
        assertThat(splice.ledger().queryForObject("select count(*) from splice_record where status = 'MIGRATED'", Integer.class))
                .isEqualTo(RECORDS);
        assertThat(DeadLetters.browse(splice.brokerConnections(), "DLQ.splice.parcels")).isEmpty();

        System.out.printf("HOSTILE TARGET (seed %d): %d records in %d groups, %d invalid (422); %d requests through the proxy, "
                        + "faults %s; %d re-sends answered from the idempotency key; after the replay: %d at the target, "
                        + "lost 0, duplicated 0%n", SEED, RECORDS, GROUPS, invalid.size(), handled.size(), faults,
                replayedByKey.size(), after.size());
    }

    /** The proxy's decision: a burst of 429s, the parked record, otherwise a fault per key and attempt (the 5th passes). */
    private static Fault hostile(FaultyProxy.Request request) {
        if (request.idempotencyKey() == null) {
            return Fault.PASS;
        }
        if (request.number() > BURST_FROM && request.number() <= BURST_FROM + BURST_LENGTH) {
            return new Fault(Kind.RATE_LIMITED, 1000);
        }
        if (request.idempotencyKey().equals(key(PARKED_ID))) {
            return request.attempt() <= 3 ? new Fault(Kind.RATE_LIMITED, 1000) : Fault.PASS;
        }
        if (request.attempt() > 4) {
            return Fault.PASS;
        }
        // SplittableRandom mixes its seed: neighbouring keys and attempts draw independently
        SplittableRandom random = new SplittableRandom(SEED * 1_000_003L + request.idempotencyKey().hashCode() * 31L + request.attempt());
        double draw = random.nextDouble();
        if (draw < 0.10) {
            return Fault.of(Kind.UNAVAILABLE);
        } else if (draw < 0.13) {
            return new Fault(Kind.TIMEOUT_AFTER_TARGET, HELD_MILLIS);
        } else if (draw < 0.15) {
            return new Fault(Kind.TIMEOUT_BEFORE_TARGET, HELD_MILLIS);
        } else if (draw < 0.18) {
            return Fault.of(Kind.RESET_BEFORE_TARGET);
        } else if (draw < 0.21) {
            return Fault.of(Kind.RESET_AFTER_TARGET);
        } else if (draw < 0.31) {
            return new Fault(Kind.SLOW, 20 + random.nextInt(130));
        }
        return Fault.PASS;
    }

    /** Parcels 1..N: group (id-1) % GROUPS + 1, sequence within the group ascending with the id; ~3% with a bad postcode. */
    private static Set<Long> createParcels(DataSource source) throws Exception {
        Random random = new Random(SEED);
        Set<Long> bad = new TreeSet<>();
        try (Connection connection = source.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("create table parcels (id bigint primary key, grp int not null, seq int not null, street text, "
                    + "house_number int, postcode text, city text)");
            try (PreparedStatement insert = connection.prepareStatement("insert into parcels values (?, ?, ?, ?, ?, ?, ?)")) {
                for (long id = 1; id <= RECORDS; id++) {
                    boolean invalid = id != PARKED_ID && random.nextDouble() < 0.03;
                    if (invalid) {
                        bad.add(id);
                    }
                    insert.setLong(1, id);
                    insert.setInt(2, group(id));
                    insert.setInt(3, (int) ((id - 1) / GROUPS) + 1);
                    insert.setString(4, "Dijk");
                    insert.setInt(5, (int) id);
                    insert.setString(6, invalid ? "99-XX" : "1234 AB");
                    insert.setString(7, "Zwolle");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        assertThat(bad).hasSizeBetween(10, 50);
        return bad;
    }

    private void fixPostcodes(DataSource source) throws Exception {
        try (Connection connection = source.getConnection();
             PreparedStatement update = connection.prepareStatement("update parcels set postcode = '1234 AB' where postcode = '99-XX'")) {
            assertThat(update.executeUpdate()).isEqualTo(invalid.size());
        }
    }

    private static void assertGroupOrder(List<JsonNode> arrivals, String what) {
        Map<Integer, List<Integer>> byGroup = new TreeMap<>();
        for (JsonNode body : arrivals) {
            byGroup.computeIfAbsent(body.path("group").asInt(), g -> new ArrayList<>()).add(body.path("seq").asInt());
        }
        assertThat(byGroup).hasSize(GROUPS);
        byGroup.forEach((group, sequence) -> assertThat(sequence).as("group %d, %s", group, what).isSorted());
    }

    private Set<Long> validIds() {
        Set<Long> ids = new TreeSet<>();
        for (long id = 1; id <= RECORDS; id++) {
            if (!invalid.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static JsonNode body(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static int group(Handled handled) {
        return body(handled.request().body()).path("group").asInt();
    }

    private static int group(long id) {
        return (int) ((id - 1) % GROUPS) + 1;
    }

    private static long legacyId(StoredRecord record) {
        return ((Number) record.body().get("legacyId")).longValue();
    }

    private static String key(long id) {
        return "splice:default:parcels:" + id;
    }
}
