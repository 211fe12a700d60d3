package io.splice.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.splice.sample.SampleDataGenerator;
import io.splice.sample.SampleManifest;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.ReceivedRequest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real thing: `java -jar target/splice.jar run` as a child JVM, killed with SIGKILL in the middle of its migrate
 * stage, then started again. The run resumes and completes; every record reaches the target exactly once.
 */
class CrashResumeIT {

    private static final String DEFINITION = """
            migration: crash
            entities:
              projects:
                source: { table: projects, columns: [id, code, name, status], key: id }
                group: id
                mapping:
                  fields: { legacyId: id, code: code, name: name, status: status }
                target: { path: /api/v1/projects }
              addresses:
                source: { table: addresses, columns: [id, project_id, street, house_number, postcode, city], key: id }
                group: project_id
                dependsOn: [projects]
                references: { project_id: projects }
                mapping:
                  fields:
                    legacyId: id
                    projectId: project_id
                    street: street
                    houseNumber: { column: house_number, type: integer }
                    postcode: postcode
                    city: city
                target: { path: /api/v1/addresses }
            plan:
              stages:
                - name: prepare-target
                  target:
                    calls:
                      - { name: activeWorkflows, method: GET, path: /api/v1/workflows/active, save: true }
                      - { method: PUT, path: /api/v1/workflows/active, body: '{"ids": []}' }
                    restore:
                      - { method: PUT, path: /api/v1/workflows/active, body: "$saved.activeWorkflows" }
                - name: migrate
                  migrate: [projects, addresses]
                - name: report
                  report: {}
            """;

    @TempDir
    Path workDir;

    private TestStack stack;
    private SampleManifest sample;
    private SandboxTarget sandbox;
    private JdbcTemplate ledger;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        sample = new SampleDataGenerator(17, 1.0).generate(stack.source().dataSource());
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
        ledger = new JdbcTemplate(stack.ledger().dataSource());
        Files.createDirectories(workDir.resolve("config/migrations"));
        Files.writeString(workDir.resolve("config/migrations/crash.yaml"), DEFINITION);
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void aRunKilledDuringItsMigrateStageResumesAndEveryRecordArrivesExactlyOnce() throws Exception {
        // given a run in its migrate stage, some addresses migrated
        Process first = splice("first.out");
        await().atMost(Duration.ofMinutes(2)).until(() -> !first.isAlive() || migratedAddresses() >= 300);
        assertThat(first.isAlive()).as("the run ended before it could be killed").isTrue();

        // when the process is killed (SIGKILL: no shutdown hook, no rollback) and started again
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int queuedAtKill = count("select count(*) from splice_record where status = 'QUEUED'");
        Process second = splice("second.out");
        if (!second.waitFor(3, TimeUnit.MINUTES)) {
            Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(second.pid()), "Thread.print").redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("threads.txt").toFile()).start();
            dump.waitFor(30, TimeUnit.SECONDS);
            Files.copy(workDir.resolve("threads.txt"), Path.of("target/crash-resume-threads.txt"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(workDir.resolve("second.out"), Path.of("target/crash-resume-second.out"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            second.destroyForcibly();
            throw new AssertionError("the resumed run did not finish in 3 minutes; stuck: " + ledger.queryForList(
                    "select entity, group_key, count(*) as n, min(source_key) as first from splice_record "
                            + "where status = 'QUEUED' group by entity, group_key"));
        }

        // then the same run resumed and completed, its history showing the interruption
        String output = Files.readString(workDir.resolve("second.out"));
        // completed, with the sample's planted defects not migrated
        assertThat(second.exitValue()).as(output).isEqualTo(3);
        List<String> runs = ledger.queryForList("select run_id || ' ' || status from splice_run", String.class);
        assertThat(runs).hasSize(1).allMatch(run -> run.endsWith(" COMPLETED"));
        List<String> stages = ledger.queryForList(
                "select stage || '#' || attempt || ' ' || status from splice_stage order by started_at", String.class);
        assertThat(stages).containsSubsequence("prepare-target#1 COMPLETED", "migrate#1 INTERRUPTED",
                "prepare-target#2 COMPLETED", "migrate#2 COMPLETED", "report#1 COMPLETED", "prepare-target:restore#1 COMPLETED");
        assertThat(queuedAtKill).as("records were in flight when it died").isPositive();

        // and every record is at the target exactly once, with all of them accounted for in the ledger
        int valid = sample.addresses() - count("select count(*) from splice_record where entity = 'addresses' "
                + "and status in ('FAILED', 'BLOCKED')");
        assertThat(sandbox.records("addresses")).hasSize(valid);
        assertThat(legacyIds("addresses")).doesNotHaveDuplicates().hasSize(valid);
        Map<String, Long> created = sandbox.requests().stream().filter(r -> r.status() == 201)
                .collect(Collectors.groupingBy(ReceivedRequest::idempotencyKey, Collectors.counting()));
        assertThat(created.values()).allMatch(n -> n == 1);
        assertThat(count("select count(*) from splice_record where entity = 'addresses'")).isEqualTo(sample.addresses());
        assertThat(count("select count(*) from splice_record where status = 'QUEUED'")).isZero();
        // and the resumed run's report adds up: each row read counted once, each attempt with its own outcomes
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                workDir.resolve("work/runs").resolve(runs.get(0).split(" ")[0]).resolve("report.json").toFile());
        for (com.fasterxml.jackson.databind.JsonNode entity : report.path("entities")) {
            assertThat(entity.path("migrated").asLong() + entity.path("failed").asLong() + entity.path("blocked").asLong()
                    + entity.path("discarded").asLong() + entity.path("skipped").asLong() + entity.path("pending").asLong())
                    .as("%s", entity).isEqualTo(entity.path("total").asLong());
        }
        long migratedInAttempts = 0;
        for (com.fasterxml.jackson.databind.JsonNode stage : report.path("tenants").get(0).path("stages")) {
            migratedInAttempts += stage.path("migrated").asLong();
        }
        assertThat(migratedInAttempts).isEqualTo(count("select count(*) from splice_record where status = 'MIGRATED'"));
        // the restore put back the workflows saved before the crash, not the empty set the first run left
        assertThat(sandbox.activeWorkflows()).containsExactly("wf-1", "wf-3");
    }

    private Process splice(String output) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/splice.jar", "run", "--config", workDir.resolve("config").toString()));
        Map<String, String> properties = Map.of(
                "splice.work-dir", workDir.resolve("work").toString(),
                "splice.source.url", stack.source().url(), "splice.source.username", stack.source().user(),
                "splice.ledger.url", stack.ledger().url(), "splice.ledger.username", stack.ledger().user(),
                "splice.target.url", sandbox.baseUrl(),
                // slow enough to be killed half way: 2,000 addresses at 150 per second
                "splice.load.rate", "150",
                "camel.main.jmx-enabled", "false");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve(output).toFile()).start();
    }

    private String tail(String output) throws Exception {
        List<String> lines = Files.readAllLines(workDir.resolve(output));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private int migratedAddresses() {
        return count("select count(*) from splice_record where entity = 'addresses' and status = 'MIGRATED'");
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

    private List<Long> legacyIds(String collection) {
        return sandbox.records(collection).stream().map(r -> ((Number) r.body().get("legacyId")).longValue()).toList();
    }
}
