package io.splice.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.report.CompletedRun;
import io.splice.report.RunReport;
import io.splice.sample.DefectKind;
import io.splice.sample.PlantedDefect;
import io.splice.sample.SampleDataGenerator;
import io.splice.sample.SampleManifest;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.ReceivedRequest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.sandbox.StoredRecord;
import io.splice.testing.DeadLetters;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton end to end: sample legacy data in PostgreSQL → embedded Artemis → sandbox target, with
 * the ledger in PostgreSQL. Assertions are on what the sandbox and the ledger hold.
 */
class AddressMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<DefectKind, String> EXPECTED_REASON = Map.of(
            DefectKind.MISSING_STREET, "HTTP 422 street: is required",
            DefectKind.INVALID_POSTCODE, "HTTP 422 postcode: must match 9999 AA",
            DefectKind.ZERO_HOUSE_NUMBER, "HTTP 422 houseNumber: must be at least 1",
            DefectKind.NON_NUMERIC_HOUSE_NUMBER, "mapping houseNumber: is not a whole number",
            DefectKind.ORPHAN_PROJECT, "mapping projectCode: is required but missing");

    @TempDir
    Path workDir;

    private TestStack stack;
    private SampleManifest sample;

    @BeforeEach
    void createDatabases() throws Exception {
        stack = TestStack.create();
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void migratesEveryValidRecordOnceInGroupOrderAndDeadLettersTheBadOnes() throws Exception {
        // given 2,000 addresses in 20 projects (message groups), ~2% of them bad
        sample = new SampleDataGenerator(7, 1.0).generate(stack.source().dataSource());
        assertThat(sample.addresses()).isEqualTo(2000);
        assertThat(sample.projects()).isEqualTo(20);
        SandboxTarget sandbox = sandbox(FaultSettings.none());
        SpliceUnderTest splice = splice(sandbox, Map.of("splice.load.rate", "2000"));

        // when
        CompletedRun run = splice.run();

        // then the report adds up
        Set<Long> bad = sample.defectiveIds("addresses");
        assertThat(bad).isNotEmpty();
        RunReport.EntityCounts counts = only(run.report());
        assertThat(run.report().status()).isEqualTo("COMPLETED");
        assertThat(counts.total()).isEqualTo(2000);
        assertThat(counts.migrated()).isEqualTo(2000 - bad.size());
        assertThat(counts.failed()).isEqualTo(bad.size());
        assertThat(counts.skipped()).isZero();
        assertThat(counts.pending()).isZero();

        // the sandbox holds every valid record exactly once, and nothing else
        assertThat(legacyIds(sandbox.records("addresses"))).containsExactlyInAnyOrderElementsOf(validIds(bad));
        assertExactlyOneSuccessPerRecord(sandbox);

        // within each project, records arrived in source-key order
        assertGroupOrder(sandbox);

        // the ledger has the target's id for every migrated record
        Map<String, String> targetIds = sandbox.records("addresses").stream()
                .collect(Collectors.toMap(r -> String.valueOf(r.body().get("legacyId")), StoredRecord::id));
        Map<String, String> ledgerIds = new HashMap<>();
        splice.ledger().query("select source_key, target_id from splice_record where entity = 'addresses' and status = 'MIGRATED'",
                rs -> { ledgerIds.put(rs.getString(1), rs.getString(2)); });
        assertThat(ledgerIds).isEqualTo(targetIds);

        // every planted defect is FAILED with its reason and the whole source record, and is in the DLQ
        assertFailuresMatchPlantedDefects(splice);
        List<DeadLetters.DeadLetter> dlq = DeadLetters.browse(splice.brokerConnections(), "DLQ.splice.addresses");
        assertThat(dlq).extracting(d -> Long.valueOf(d.sourceKey())).containsExactlyInAnyOrderElementsOf(bad);
        Map<Long, PlantedDefect> defects = sample.defects("addresses").stream()
                .collect(Collectors.toMap(PlantedDefect::id, Function.identity()));
        for (DeadLetters.DeadLetter letter : dlq) {
            assertThat(letter.reason()).isEqualTo(EXPECTED_REASON.get(defects.get(Long.valueOf(letter.sourceKey())).kind()));
            assertThat(JSON.readTree(letter.body()).path("id").asLong()).isEqualTo(Long.parseLong(letter.sourceKey()));
        }
    }

    @Test
    void transientFailuresAndA429BurstLoseNothingAndDuplicateNothing() throws Exception {
        // given a target that answers 20% of requests 503, and a burst of 429s with Retry-After
        sample = new SampleDataGenerator(11, 0.5).generate(stack.source().dataSource());
        FaultSettings faults = FaultSettings.none().withUnavailableRate(0.2).withRetryAfterSeconds(0)
                .withBurst429AfterRequests(100).withBurst429Count(12).withSeed(11);
        SandboxTarget sandbox = sandbox(faults);
        SpliceUnderTest splice = splice(sandbox, Map.of("splice.load.rate", "2000",
                "splice.retry.initial-delay-millis", "20", "splice.retry.maximum-redeliveries", "12"));

        // when
        CompletedRun run = splice.run();

        // then the faults really happened
        Map<Integer, Long> statuses = sandbox.requests().stream()
                .collect(Collectors.groupingBy(ReceivedRequest::status, Collectors.counting()));
        assertThat(statuses.getOrDefault(503, 0L)).isGreaterThan(50);
        assertThat(statuses.getOrDefault(429, 0L)).isEqualTo(12);
        // and every valid record still arrived exactly once
        Set<Long> bad = sample.defectiveIds("addresses");
        assertThat(legacyIds(sandbox.records("addresses"))).containsExactlyInAnyOrderElementsOf(validIds(bad));
        assertExactlyOneSuccessPerRecord(sandbox);
        assertGroupOrder(sandbox);
        assertThat(only(run.report()).migrated()).isEqualTo(sample.addresses() - bad.size());
        assertFailuresMatchPlantedDefects(splice);
    }

    @Test
    void aSecondRunMigratesNothingAndCompletes() throws Exception {
        // given a source that was migrated once
        sample = new SampleDataGenerator(3, 0.2).generate(stack.source().dataSource());
        SandboxTarget sandbox = sandbox(FaultSettings.none());
        SpliceUnderTest splice = splice(sandbox, Map.of("splice.load.rate", "2000"));
        CompletedRun first = splice.run();
        int requestsAfterFirst = sandbox.requests().size();
        int bad = sample.defectiveIds("addresses").size();
        assertThat(only(first.report()).migrated()).isEqualTo(sample.addresses() - bad);

        // when it runs again
        CompletedRun second = splice.run();

        // then nothing migrated is sent again; only the failed records are retried (and fail again)
        RunReport.EntityCounts counts = only(second.report());
        assertThat(second.report().status()).isEqualTo("COMPLETED");
        assertThat(counts.migrated()).isZero();
        assertThat(counts.skipped()).isEqualTo(sample.addresses() - bad);
        assertThat(counts.failed()).isEqualTo(bad);
        assertThat(sandbox.records("addresses")).hasSize(sample.addresses() - bad);
        long newSuccesses = sandbox.requests().subList(requestsAfterFirst, sandbox.requests().size()).stream()
                .filter(r -> r.method().equals("POST") && r.status() / 100 == 2).count();
        assertThat(newSuccesses).isZero();
    }

    @Test
    void theConfiguredRateIsNeverExceededInAnyOneSecondWindowAtTheTarget() throws Exception {
        // given a rate limit of 50 requests per second
        sample = new SampleDataGenerator(5, 0.15).generate(stack.source().dataSource());
        SandboxTarget sandbox = sandbox(FaultSettings.none());
        SpliceUnderTest splice = splice(sandbox, Map.of("splice.load.rate", "50"));

        // when
        splice.run();

        // then in every window of one second at the sandbox, at most 50 requests arrived
        List<Long> arrivals = sandbox.requests().stream().filter(r -> !r.method().equals("HEAD"))
                .map(ReceivedRequest::arrivedNanos).sorted().toList();
        assertThat(arrivals).hasSizeGreaterThan(200);
        int busiest = 0;
        int start = 0;
        for (int end = 0; end < arrivals.size(); end++) {
            while (arrivals.get(end) - arrivals.get(start) >= 1_000_000_000L) {
                start++;
            }
            busiest = Math.max(busiest, end - start + 1);
        }
        if (busiest > 50) {
            long t0 = arrivals.get(0);
            StringBuilder gaps = new StringBuilder();
            for (int i = 0; i < arrivals.size(); i++) {
                gaps.append((arrivals.get(i) - t0) / 1_000_000).append(i % 25 == 24 ? "\n" : " ");
            }
            System.out.println("ARRIVALS ms:\n" + gaps);
        }
        assertThat(busiest).isLessThanOrEqualTo(50).isGreaterThanOrEqualTo(40);
    }

    private SandboxTarget sandbox(FaultSettings faults) throws Exception {
        return stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(faults)));
    }

    private SpliceUnderTest splice(SandboxTarget sandbox, Map<String, String> properties) throws Exception {
        return stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, properties));
    }

    private List<Long> validIds(Set<Long> bad) {
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= sample.addresses(); id++) {
            if (!bad.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static List<Long> legacyIds(List<StoredRecord> records) {
        return records.stream().map(r -> ((Number) r.body().get("legacyId")).longValue()).toList();
    }

    private static RunReport.EntityCounts only(RunReport report) {
        assertThat(report.entities()).extracting(RunReport.EntityCounts::name).containsExactly("addresses");
        return report.entities().get(0);
    }

    private static void assertExactlyOneSuccessPerRecord(SandboxTarget sandbox) {
        Map<String, Long> successes = sandbox.requests().stream()
                .filter(r -> r.method().equals("POST") && r.status() / 100 == 2)
                .collect(Collectors.groupingBy(ReceivedRequest::idempotencyKey, Collectors.counting()));
        assertThat(successes.values()).allMatch(n -> n == 1);
        assertThat(successes).hasSameSizeAs(sandbox.records("addresses"));
    }

    private static void assertGroupOrder(SandboxTarget sandbox) throws Exception {
        Map<String, List<Long>> arrivalsByProject = new HashMap<>();
        for (ReceivedRequest request : sandbox.requests()) {
            if (request.status() == 201) {
                JsonNode body = JSON.readTree(request.body());
                arrivalsByProject.computeIfAbsent(body.path("projectCode").asText(), p -> new ArrayList<>())
                        .add(body.path("legacyId").asLong());
            }
        }
        assertThat(arrivalsByProject).hasSizeGreaterThan(1);
        arrivalsByProject.forEach((project, ids) -> assertThat(ids).as("arrival order in %s", project).isSorted());
    }

    private void assertFailuresMatchPlantedDefects(SpliceUnderTest splice) throws Exception {
        Map<Long, Map<String, Object>> failed = new HashMap<>();
        splice.ledger().queryForList("select source_key, reason, payload, error_class, error_message from splice_record "
                + "where entity = 'addresses' and status = 'FAILED'")
                .forEach(row -> failed.put(Long.valueOf((String) row.get("source_key")), row));
        assertThat(failed.keySet()).isEqualTo(new TreeSet<>(sample.defectiveIds("addresses")));
        for (PlantedDefect defect : sample.defects("addresses")) {
            Map<String, Object> row = failed.get(defect.id());
            assertThat(row.get("reason")).as("reason for %s", defect).isEqualTo(EXPECTED_REASON.get(defect.kind()));
            JsonNode payload = JSON.readTree((String) row.get("payload"));
            assertThat(payload.path("id").asLong()).isEqualTo(defect.id());
            assertThat(payload.has(defect.field())).as("payload holds %s", defect.field()).isTrue();
            assertThat((String) row.get("error_message")).contains("addresses " + defect.id());
            assertThat((String) row.get("error_class")).isNotBlank();
        }
    }
}
