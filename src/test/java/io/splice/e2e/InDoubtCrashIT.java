package io.splice.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.ReceivedRequest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.sandbox.StoredRecord;
import io.splice.testing.ItemsSource;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 against a target that ignores Idempotency-Key (the entity sends its key in a header the sandbox does not
 * read, so every POST creates a record): the records whose request was in flight at the kill are created twice, once
 * by the dead process and once by the resumed run. Every record the target holds twice must be flagged in doubt in the
 * ledger and the report, and the resumed run must send no record twice (the broker's journal gives back the messages
 * that were QUEUED, and the re-extract queues the same records again).
 */
class InDoubtCrashIT {

    private static final int RECORDS = 1_000;
    private static final int CONCURRENCY = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DEFINITION = """
            migration: items
            entities:
              items:
                source: { table: items, columns: [id, grp, name, qty], key: id }
                group: grp
                mapping:
                  fields:
                    legacyId: id
                    group: grp
                    name: { column: name, required: true }
                    qty: { column: qty, type: integer }
                target:
                  path: /api/v1/items
                  # the sandbox reads only Idempotency-Key: with this header it creates a record on every POST
                  idempotencyHeader: X-Ignored-Key
            """;

    @TempDir
    Path workDir;

    private TestStack stack;
    private SandboxTarget sandbox;
    private JdbcTemplate ledger;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        ItemsSource.create(stack.source(), RECORDS, 16, 100_000);
        // each answer takes 40 ms: at the kill, a request per consumer is on its way or being answered
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults()
                .withFaults(FaultSettings.none().withLatencyMillis(40))));
        ledger = new JdbcTemplate(stack.ledger().dataSource());
        Files.createDirectories(workDir.resolve("config/migrations"));
        Files.writeString(workDir.resolve("config/migrations/items.yaml"), DEFINITION);
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void everyRecordTheTargetHoldsTwiceIsInDoubtAndTheResumedRunSendsNoRecordTwice() throws Exception {
        // given a run killed (SIGKILL) while records are in flight, and many more QUEUED on the broker
        Process first = splice("first.out");
        await().atMost(Duration.ofMinutes(2)).until(() -> !first.isAlive() || migrated() >= 200);
        assertThat(first.isAlive()).as("the run ended before it could be killed").isTrue();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Instant killed = Instant.now();
        int queuedAtKill = count("select count(*) from splice_record where status = 'QUEUED'");

        // when it is started again and finishes
        Process second = splice("second.out");
        assertThat(second.waitFor(3, TimeUnit.MINUTES)).as("the resumed run finished").isTrue();
        assertThat(second.exitValue()).as(Files.readString(workDir.resolve("second.out"))).isZero();

        // then the target holds some records twice (the dead process's request arrived, its answer was never recorded)
        List<StoredRecord> stored = sandbox.records("items");
        Map<String, Long> copies = stored.stream().collect(Collectors.groupingBy(
                r -> String.valueOf(r.body().get("legacyId")), Collectors.counting()));
        Set<String> duplicated = copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(copies).hasSize(RECORDS);
        assertThat(queuedAtKill).as("records were queued at the kill").isGreaterThan(duplicated.size());
        // and every one of them is in doubt in the ledger, for the operator to check
        Set<String> inDoubt = new HashSet<>(ledger.queryForList(
                "select source_key from splice_record where in_doubt", String.class));
        assertThat(inDoubt).containsAll(duplicated);
        System.out.printf("InDoubtCrashIT: %d QUEUED at the kill, %d in doubt %s, %d held twice by the target %s%n",
                queuedAtKill, inDoubt.size(), inDoubt, duplicated.size(), duplicated);
        // only what was in flight: at most one record per consumer, not every record QUEUED at the kill
        assertThat(inDoubt).isNotEmpty().hasSizeLessThanOrEqualTo(CONCURRENCY);
        assertThat(ledger.queryForList("select distinct in_doubt_reason from splice_record where in_doubt", String.class))
                .allMatch(reason -> reason.startsWith("Splice stopped while the request was in flight"));

        // and the resumed run sent no record twice (journal copy and re-extract copy), attempts not doubled
        Map<String, Long> sentAfterKill = sandbox.requests().stream()
                .filter(r -> r.method().equals("POST") && r.arrivedAt().isAfter(killed))
                .collect(Collectors.groupingBy(InDoubtCrashIT::legacyId, Collectors.counting()));
        assertThat(sentAfterKill).isNotEmpty();
        assertThat(sentAfterKill.entrySet()).filteredOn(e -> e.getValue() > 1).as("sent twice after the kill").isEmpty();
        assertThat(count("select count(*) from splice_record where status <> 'MIGRATED'")).isZero();
        assertThat(count("select max(attempts) from splice_record")).isEqualTo(1);

        // and the resumed run's report and summary count them
        String runId = ledger.queryForObject("select run_id from splice_run", String.class);
        JsonNode report = JSON.readTree(workDir.resolve("work/runs").resolve(runId).resolve("report.json").toFile());
        assertThat(report.path("entities").get(0).path("inDoubt").asLong()).isEqualTo(inDoubt.size());
        if (!inDoubt.isEmpty()) {
            assertThat(Files.readString(workDir.resolve("second.out"))).contains("In doubt: " + inDoubt.size());
        }
    }

    private Process splice(String output) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/splice.jar", "run", "--config", workDir.resolve("config").toString()));
        Map<String, String> properties = Map.of(
                "splice.work-dir", workDir.resolve("work").toString(),
                "splice.source.url", stack.source().url(), "splice.source.username", stack.source().user(),
                "splice.ledger.url", stack.ledger().url(), "splice.ledger.username", stack.ledger().user(),
                "splice.target.url", sandbox.baseUrl(),
                "splice.load.rate", "150",
                "splice.load.concurrency", String.valueOf(CONCURRENCY),
                "camel.main.jmx-enabled", "false");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(workDir.resolve(output).toFile()).start();
    }

    private static String legacyId(ReceivedRequest request) {
        try {
            return JSON.readTree(request.body()).path("legacyId").asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + request.body(), e);
        }
    }

    private int migrated() {
        return count("select count(*) from splice_record where status = 'MIGRATED'");
    }

    private int count(String sql) {
        try {
            Integer n = ledger.queryForObject(sql, Integer.class);
            return n == null ? 0 : n;
        } catch (RuntimeException e) {
            // the ledger's tables appear when the child has started
            return 0;
        }
    }
}
