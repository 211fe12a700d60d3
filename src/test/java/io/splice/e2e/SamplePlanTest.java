package io.splice.e2e;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.splice.report.CompletedRun;
import io.splice.report.RunReport;
import io.splice.sample.SampleDataGenerator;
import io.splice.sample.SampleManifest;
import io.splice.sample.SampleSchema;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.ReceivedRequest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.sandbox.StoredRecord;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestDatabase;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled FTTH plan (config/migrations/ftth.yaml) against the sandbox: the target is prepared before any record
 * and restored last, planboards wait for the target's jobs, and a run that fails in a stage resumes there.
 */
class SamplePlanTest {

    private static final List<String> PREPARE = List.of("GET /api/v1/workflows/active", "PUT /api/v1/workflows/active",
            "PUT /api/v1/settings/email");
    private static final String READ_BACK = "/api/v1/(projects|addresses|connections|planboards)/[^/]+";
    private static final List<String> RESTORE = List.of("PUT /api/v1/workflows/active", "PUT /api/v1/settings/email");

    @TempDir
    Path workDir;

    private TestStack stack;
    private SampleDataGenerator generator;
    private SampleManifest sample;
    private TestDatabase newSystem;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        generator = new SampleDataGenerator(21, 0.2);
        sample = generator.generate(stack.source().dataSource());
        newSystem = stack.started(TestDatabase.create("newsystem"));
        SampleSchema.createTargetTables(newSystem.dataSource());
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void twoTenantsEachPrepareTheTargetFirstMigrateAfterThePlanboardJobsAndRestoreLast() throws Exception {
        // given a target whose planboard jobs take a while
        SandboxTarget sandbox = sandbox(800);
        SpliceUnderTest splice = splice(sandbox);

        // when two tenants run the plan (one after the other: the sandbox keeps one set of workflows for everyone)
        CompletedRun acme = splice.runtime().runMigration("acme-fiber", Map.of()).get(0);
        CompletedRun nordnet = splice.runtime().runMigration("nordnet", Map.of()).get(0);

        // then both completed every stage, in the plan's order
        for (CompletedRun run : List.of(acme, nordnet)) {
            assertThat(run.report().status()).as(run.report().error()).isEqualTo("COMPLETED");
            assertThat(run.report().tenants().get(0).stages()).extracting(RunReport.StageReport::name).containsExactly(
                    "configure", "only-planboards", "prepare-target", "migrate-flow", "update-assignments", "documents",
                    "wait-for-planboard-jobs", "planboards", "report", "prepare-target:restore");
            assertThat(run.report().tenants().get(0).stages()).allMatch(s -> s.status().equals("COMPLETED"));
        }

        // and each tenant's calls were: setup, then records, then (after the jobs were done) planboards, restore last
        // (leaving out the warm-up HEADs and the reconciliation's read-back of migrated records at the very end)
        List<ReceivedRequest> calls = sandbox.requests().stream().filter(r -> !r.method().equals("HEAD"))
                .filter(r -> !(r.method().equals("GET") && r.path().matches(READ_BACK))).toList();
        int second = indexOfSecondPreparation(calls);
        for (List<ReceivedRequest> window : List.of(calls.subList(0, second), calls.subList(second, calls.size()))) {
            List<String> lines = window.stream().map(r -> r.method() + " " + r.path()).toList();
            assertThat(lines.subList(0, 3)).containsExactlyElementsOf(PREPARE);
            assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactlyElementsOf(RESTORE);
            assertThat(window.get(window.size() - 2).body()).isEqualTo("{\"ids\":[\"wf-1\",\"wf-3\"]}");
            assertThat(lines.subList(3, lines.size() - 2)).noneMatch(line -> line.contains("/workflows") || line.contains("/settings"));
            assertPlanboardsOnlyAfterTheJobsWereDone(window);
        }
        assertThat(sandbox.activeWorkflows()).containsExactly("wf-1", "wf-3");
        assertThat(sandbox.emailEnabled()).isTrue();

        // and the data arrived: every migrated record once, documents byte for byte, work orders updated
        assertSandboxHoldsWhatTheLedgerMigrated(splice, sandbox);
        for (StoredRecord document : sandbox.records("documents")) {
            long id = Long.parseLong(document.idempotencyKey().substring(document.idempotencyKey().lastIndexOf(':') + 1));
            assertThat(document.body()).containsEntry("sha256", generator.documents().digest(id).sha256());
            assertThat(((Number) document.body().get("size")).longValue()).isEqualTo(generator.documents().digest(id).size());
        }
        Integer done = new JdbcTemplate(newSystem.dataSource()).queryForObject(
                "select count(*) from work_orders where status = 'DONE'", Integer.class);
        Integer updated = splice.ledger().queryForObject(
                "select count(*) from splice_record where entity = 'assignment_updates' and status = 'MIGRATED'", Integer.class);
        assertThat(done).isEqualTo(updated).isPositive();
    }

    @Test
    void aWaitThatTimesOutFailsTheRunRestoresTheTargetAndALaterRunResumesAtThatStage() throws Exception {
        // given planboard jobs that take ten minutes of the target's clock, longer than the run is willing to wait
        AdjustableClock clock = new AdjustableClock();
        SandboxTarget sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())
                .withPlanboardJobMillis(600_000), clock));
        SpliceUnderTest splice = splice(sandbox);

        // when the run may wait 1 second only
        CompletedRun failed = splice.runtime().runMigration("glasweb", Map.of("planboardSecondsToWait", "1")).get(0);

        // then it fails in the wait stage, saying why, and the target was restored all the same
        assertThat(failed.report().status()).isEqualTo("FAILED");
        assertThat(failed.report().error()).startsWith(
                "Stage wait-for-planboard-jobs: 'pending = 0' did not hold within 1 s (last answer: {\"pending\":");
        assertThat(stages(failed)).contains("wait-for-planboard-jobs#1 FAILED", "prepare-target:restore#1 COMPLETED")
                .doesNotContain("planboards#1 COMPLETED");
        assertThat(sandbox.activeWorkflows()).containsExactly("wf-1", "wf-3");
        assertThat(sandbox.emailEnabled()).isTrue();

        // when the jobs are done, and it runs again
        clock.advance(Duration.ofMinutes(11));
        CompletedRun resumed = splice.runtime().runMigration("glasweb", Map.of("planboardSecondsToWait", "60")).get(0);

        // then the same run resumed at the wait stage (the target prepared again first), without migrating again
        assertThat(resumed.report().runId()).isEqualTo(failed.report().runId());
        assertThat(resumed.report().status()).isEqualTo("COMPLETED");
        assertThat(resumed.report().parameters()).containsEntry("planboardSecondsToWait", 60);
        assertThat(stages(resumed)).containsSubsequence("migrate-flow#1 COMPLETED", "wait-for-planboard-jobs#1 FAILED",
                "prepare-target:restore#1 COMPLETED", "prepare-target#2 COMPLETED", "wait-for-planboard-jobs#2 COMPLETED",
                "planboards#1 COMPLETED", "report#1 COMPLETED", "prepare-target:restore#2 COMPLETED");
        assertThat(stages(resumed)).doesNotContain("migrate-flow#2 COMPLETED");
        assertThat(sandbox.records("planboards")).isNotEmpty();
        assertThat(sandbox.requests()).noneMatch(r -> r.path().equals("/api/v1/planboards") && r.status() == 409);
        assertThat(sandbox.activeWorkflows()).containsExactly("wf-1", "wf-3");
    }

    /** The target's clock: real time plus what a test adds, to finish its planboard jobs at once. */
    private static final class AdjustableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private SandboxTarget sandbox(long planboardJobMillis) throws Exception {
        return stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())
                .withPlanboardJobMillis(planboardJobMillis)));
    }

    private SpliceUnderTest splice(SandboxTarget sandbox) throws Exception {
        return stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, Map.of(
                "splice.migrations", "classpath:config/migrations/ftth.yaml",
                "splice.target-db.url", newSystem.url(), "splice.target-db.username", newSystem.user(),
                "splice.target-db.password", newSystem.password(),
                "splice.load.rate", "2000")));
    }

    private static List<String> stages(CompletedRun run) {
        return run.report().tenants().get(0).stages().stream()
                .map(stage -> stage.name() + "#" + stage.attempt() + " " + stage.status()).toList();
    }

    private static int indexOfSecondPreparation(List<ReceivedRequest> calls) {
        for (int i = 1; i < calls.size(); i++) {
            if ((calls.get(i).method() + " " + calls.get(i).path()).equals(PREPARE.get(0))) {
                return i;
            }
        }
        throw new AssertionError("the second tenant never prepared the target");
    }

    private static void assertPlanboardsOnlyAfterTheJobsWereDone(List<ReceivedRequest> window) {
        List<ReceivedRequest> planboards = window.stream().filter(r -> r.path().equals("/api/v1/planboards")).toList();
        assertThat(planboards).isNotEmpty().noneMatch(r -> r.status() == 409);
        ReceivedRequest firstPlanboard = planboards.get(0);
        List<ReceivedRequest> polls = window.stream()
                .filter(r -> r.path().equals("/api/v1/planboard-jobs") && r.sequence() < firstPlanboard.sequence()).toList();
        assertThat(polls).isNotEmpty();
        assertThat(polls.get(polls.size() - 1).responseBody()).contains("\"pending\":0");
        Instant lastRecord = window.stream().filter(r -> r.path().equals("/api/v1/projects") && r.status() == 201)
                .map(ReceivedRequest::arrivedAt).max(Instant::compareTo).orElseThrow();
        assertThat(firstPlanboard.arrivedAt()).isAfter(lastRecord);
    }

    private static void assertSandboxHoldsWhatTheLedgerMigrated(SpliceUnderTest splice, SandboxTarget sandbox) {
        Map<String, String> collections = Map.of("projects", "projects", "addresses", "addresses",
                "connections", "connections", "documents", "documents", "planboards", "planboards");
        collections.forEach((entity, collection) -> {
            Set<String> ledger = Set.copyOf(splice.ledger().queryForList("select tenant || ':' || source_key from "
                    + "splice_record where entity = ? and status = 'MIGRATED'", String.class, entity));
            List<String> atTarget = new ArrayList<>();
            for (StoredRecord record : sandbox.records(collection)) {
                String[] key = record.idempotencyKey().split(":");
                atTarget.add(key[1] + ":" + key[3]);
            }
            assertThat(atTarget).as(entity).doesNotHaveDuplicates();
            assertThat(Set.copyOf(atTarget)).as(entity).isEqualTo(ledger);
        });
        assertThat(sandbox.requests().stream().filter(r -> r.status() == 201 && r.idempotencyKey() != null)
                .collect(Collectors.groupingBy(ReceivedRequest::idempotencyKey, Collectors.counting())).values())
                .allMatch(n -> n == 1);
    }
}
