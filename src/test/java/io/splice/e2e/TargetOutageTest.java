package io.splice.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.splice.report.CompletedRun;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.sandbox.StoredRecord;
import io.splice.target.TargetAvailability;
import io.splice.testing.CapturedLogs;
import io.splice.testing.DeadLetters;
import io.splice.testing.FaultyProxy;
import io.splice.testing.FaultyProxy.Fault;
import io.splice.testing.FaultyProxy.Kind;
import io.splice.testing.OperatorApiClient;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13, item 5: an outage of the target is not a failure of the records. While the target does not answer (every
 * call and every probe gets a 503) the records wait, keeping their retries; once it answers they migrate, in group
 * order. Only a record that fails while the target otherwise answers (a 422, a 503 for that record alone) is FAILED.
 */
class TargetOutageTest {

    private static final int GROUPS = 4;
    private static final int PER_GROUP = 25;
    private static final int RECORDS = GROUPS * PER_GROUP;
    private static final long BAD_POSTCODE_ID = 42;
    private static final long ALWAYS_503_ID = 57;
    private static final String DEFINITION = """
            migration: outage
            entities:
              parcels:
                source:
                  table: parcels
                  columns: [id, grp, seq, street, house_number, postcode, city]
                  key: id
                  pageSize: 50
                group: grp
                concurrency: 4
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
    private volatile boolean down;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        createParcels(stack.source().dataSource());
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void aTargetDownLongerThanEveryRetryMigratesEveryRecordInGroupOrderOnceItIsBack() throws Exception {
        // given a target that answers every call and every probe with 503, and retries that would be spent in ms
        down = true;
        FaultyProxy proxy = stack.started(FaultyProxy.start(sandbox.baseUrl(),
                request -> down ? Fault.of(Kind.UNAVAILABLE) : Fault.PASS));
        OperatorApiClient api = OperatorApiClient.in(workDir);
        Map<String, String> settings = new TreeMap<>(api.properties());
        settings.put("splice.retry.maximum-redeliveries", "2");
        SpliceUnderTest splice = startSplice(proxy, settings);
        TargetAvailability availability = splice.runtime().context().getRegistry()
                .lookupByNameAndType("targetAvailability", TargetAvailability.class);

        // when the run starts during the outage
        CompletableFuture<CompletedRun> run = CompletableFuture.supplyAsync(() -> {
            try {
                return splice.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // then the records wait for the target, probed again and again, far longer than their retries would last
        await().atMost(Duration.ofSeconds(30)).until(() -> availability.waitingSince("parcels") != null
                && probes(proxy) >= 10);
        assertThat(availability.waiting()).containsOnlyKeys("parcels");
        // and the operator sees since when in /api/progress
        JsonNode progress = api.ok(api.get("progress"));
        assertThat(progress.findValuesAsText("waitingForTargetSince")).hasSize(1)
                .allSatisfy(since -> assertThat(Instant.parse(since)).isEqualTo(availability.waitingSince("parcels")));
        assertThat(splice.ledger().queryForObject("select count(*) from splice_record where status = 'FAILED'",
                Integer.class)).as("records FAILED during the outage").isZero();
        long callsDuringOutage = proxy.handled().stream().filter(h -> h.request().idempotencyKey() != null).count();
        assertThat(callsDuringOutage).as("calls while the target was down: no more than a few per consumer")
                .isLessThan(20);

        // when the target is back
        down = false;
        CompletedRun completed = run.get(60, TimeUnit.SECONDS);

        // then every record is MIGRATED, none FAILED, each once at the target, in group order
        assertThat(completed.report().status()).isEqualTo("COMPLETED");
        assertThat(completed.report().entities().get(0).migrated()).isEqualTo(RECORDS - 1);
        Map<String, Integer> statuses = new TreeMap<>();
        splice.ledger().query("select status, count(*) from splice_record group by status",
                rs -> { statuses.put(rs.getString(1), rs.getInt(2)); });
        // the bad postcode is refused (422) by the target once it answers: FAILED, the only one
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of("MIGRATED", RECORDS - 1, "FAILED", 1));
        assertThat(splice.ledger().queryForObject("select source_key from splice_record where status = 'FAILED'",
                String.class)).isEqualTo(String.valueOf(BAD_POSTCODE_ID));
        List<StoredRecord> stored = sandbox.records("addresses");
        assertThat(stored.stream().collect(Collectors.groupingBy(TargetOutageTest::legacyId, Collectors.counting())))
                .hasSize(RECORDS - 1).allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1));
        assertGroupOrder(stored);
        assertThat(availability.waitingSince("parcels")).isNull();
    }

    @Test
    void aRecordTheTargetAlone503sFailsAfterItsRetriesAndIsOneLogLineWhileTheOthersMigrate() throws Exception {
        // given a target that answers, but 503s one record for ever and refuses another (422)
        FaultyProxy proxy = stack.started(FaultyProxy.start(sandbox.baseUrl(), request ->
                key(ALWAYS_503_ID).equals(request.idempotencyKey()) ? Fault.of(Kind.UNAVAILABLE) : Fault.PASS));
        SpliceUnderTest splice = startSplice(proxy, Map.of("splice.retry.maximum-redeliveries", "4"));

        // when the migration runs
        CompletedRun run;
        List<String> lines;
        try (CapturedLogs logs = new CapturedLogs()) {
            run = splice.run();
            lines = logs.lines();
        }

        // then both records are FAILED with their reasons, every other record MIGRATED
        Map<String, String> failed = new TreeMap<>();
        splice.ledger().query("select source_key, reason from splice_record where status = 'FAILED'",
                rs -> { failed.put(rs.getString(1), rs.getString(2)); });
        assertThat(failed).containsExactlyInAnyOrderEntriesOf(Map.of(
                String.valueOf(ALWAYS_503_ID), "HTTP 503, retries exhausted",
                String.valueOf(BAD_POSTCODE_ID), "HTTP 422 postcode: must match 9999 AA"));
        assertThat(run.report().entities().get(0).migrated()).isEqualTo(RECORDS - 2);
        assertThat(sandbox.records("addresses")).hasSize(RECORDS - 2);
        long callsOf503 = proxy.handled().stream().filter(h -> key(ALWAYS_503_ID).equals(h.request().idempotencyKey())).count();
        assertThat(callsOf503).as("calls of the record the target 503s").isGreaterThanOrEqualTo(5);
        assertThat(DeadLetters.browse(splice.brokerConnections(), "DLQ.splice.parcels"))
                .extracting(DeadLetters.DeadLetter::sourceKey)
                .containsExactlyInAnyOrder(String.valueOf(ALWAYS_503_ID), String.valueOf(BAD_POSTCODE_ID));

        // and its retries are no WARN lines: one line for the record that finally failed, one summary at the end
        String name = "parcels " + ALWAYS_503_ID + " ";
        assertThat(lines).filteredOn(line -> line.contains(name)).hasSize(1)
                .allSatisfy(line -> assertThat(line).startsWith("FAILED parcels " + ALWAYS_503_ID));
        assertThat(lines).noneMatch(line -> line.contains("On delivery attempt"));
        assertThat(lines).filteredOn(line -> line.contains("retries: HTTP 503 x")).hasSize(1);
    }

    private SpliceUnderTest startSplice(FaultyProxy proxy, Map<String, String> extra) throws Exception {
        Path definition = Files.writeString(workDir.resolve("outage.yaml"), DEFINITION);
        Map<String, String> properties = new TreeMap<>(Map.of(
                "splice.migrations", "file:" + definition,
                "splice.target.url", proxy.url(),
                "splice.load.rate", "2000",
                "splice.target.rate", "2000",
                "splice.retry.initial-delay-millis", "5",
                "splice.retry.maximum-delay-millis", "20",
                "splice.outage.failures-in-a-row", "3",
                "splice.outage.probe-interval-millis", "100",
                // once, a call after the pause went unanswered through the test proxy: retried after this, not 30 s
                "splice.target.response-timeout-millis", "2000"));
        properties.putAll(extra);
        return stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, properties));
    }

    private static long probes(FaultyProxy proxy) {
        return proxy.handled().stream().filter(h -> h.request().idempotencyKey() == null && h.request().method().equals("GET")).count();
    }

    /** Parcels 1..N: group (id-1) % GROUPS + 1, sequence within the group ascending with the id; one bad postcode. */
    private static void createParcels(DataSource source) throws Exception {
        try (Connection connection = source.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("create table parcels (id bigint primary key, grp int not null, seq int not null, street text, "
                    + "house_number int, postcode text, city text)");
            try (PreparedStatement insert = connection.prepareStatement("insert into parcels values (?, ?, ?, ?, ?, ?, ?)")) {
                for (long id = 1; id <= RECORDS; id++) {
                    insert.setLong(1, id);
                    insert.setInt(2, (int) ((id - 1) % GROUPS) + 1);
                    insert.setInt(3, (int) ((id - 1) / GROUPS) + 1);
                    insert.setString(4, "Dijk");
                    insert.setInt(5, (int) id);
                    insert.setString(6, id == BAD_POSTCODE_ID ? "99-XX" : "1234 AB");
                    insert.setString(7, "Zwolle");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static void assertGroupOrder(List<StoredRecord> stored) {
        Map<Integer, List<Integer>> byGroup = new TreeMap<>();
        for (StoredRecord record : stored) {
            byGroup.computeIfAbsent(((Number) record.body().get("group")).intValue(), g -> new ArrayList<>())
                    .add(((Number) record.body().get("seq")).intValue());
        }
        assertThat(byGroup).hasSize(GROUPS);
        byGroup.forEach((group, sequence) -> assertThat(sequence).as("group %d at the target", group).isSorted());
    }

    private static long legacyId(StoredRecord record) {
        return ((Number) record.body().get("legacyId")).longValue();
    }

    private static String key(long id) {
        return "splice:default:parcels:" + id;
    }
}
