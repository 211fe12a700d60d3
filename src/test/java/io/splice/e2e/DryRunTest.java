package io.splice.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.splice.report.CompletedRun;
import io.splice.report.RunReport;
import io.splice.sample.SampleDataGenerator;
import io.splice.sample.SampleSchema;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.ReceivedRequest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
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
 * {@code run --dry-run} on the bundled FTTH plan: every record is read, mapped, its references resolved and (where
 * the entity has a validatePath) checked by the target, nothing is stored at the target or in the real ledger, and
 * the report it writes predicts what a real run then does.
 */
class DryRunTest {

    private static final String TENANT = "acme-fiber";

    @TempDir
    Path workDir;

    private TestStack stack;
    private TestDatabase newSystem;
    private SandboxTarget sandbox;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        new SampleDataGenerator(21, 0.2).generate(stack.source().dataSource());
        newSystem = stack.started(TestDatabase.create("newsystem"));
        SampleSchema.createTargetTables(newSystem.dataSource());
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())
                .withPlanboardJobMillis(300)));
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void aDryRunChecksEveryRecordWritesNothingAndPredictsTheRealRun() throws Exception {
        // when a dry run of one tenant's plan runs
        CompletedRun dry;
        Set<String> dryOutcomes;
        try (SpliceUnderTest splice = splice(true)) {
            dry = splice.runtime().runMigration(TENANT, Map.of()).get(0);
            dryOutcomes = outcomes(splice.ledger(), "splice_dry_run.");
        }

        // then it completed, skipping the stages that change or wait for the target (so nothing to restore)
        RunReport report = dry.report();
        assertThat(report.status()).as(report.error()).isEqualTo("COMPLETED");
        assertThat(report.kind()).isEqualTo("DRY_RUN");
        assertThat(report.tenants().get(0).stages()).extracting(s -> s.name() + " " + s.status()).containsExactly(
                "configure COMPLETED", "only-planboards COMPLETED", "prepare-target SKIPPED", "migrate-flow COMPLETED",
                "update-assignments COMPLETED", "documents COMPLETED", "wait-for-planboard-jobs SKIPPED",
                "planboards COMPLETED", "report COMPLETED");
        // and the target stored nothing: it was only asked to check records, and warmed up
        List<ReceivedRequest> requests = sandbox.requests();
        assertThat(requests).extracting(r -> r.method() + " " + r.path())
                .allMatch(line -> line.startsWith("HEAD ") || line.matches("POST /api/v1/[a-z]+/validate"));
        assertThat(requests).filteredOn(r -> r.path().endsWith("/validate")).hasSizeGreaterThan(100);
        for (String collection : List.of("projects", "addresses", "connections", "planboards", "documents")) {
            assertThat(sandbox.records(collection)).as(collection).isEmpty();
        }
        assertThat(sandbox.activeWorkflows()).as("workflows untouched").containsExactly("wf-1", "wf-3");
        assertThat(new JdbcTemplate(newSystem.dataSource()).queryForObject("select count(*) from work_orders",
                Integer.class)).isZero();
        // nor was the real ledger written: the dry run's is a schema of its own
        assertThat(stack.ledger().dataSource().getConnection().getMetaData()
                .getTables(null, "public", "splice_record", null).next()).isFalse();
        // and its report names what would fail, by reason: the target's checks and Splice's own
        assertThat(report.failures()).extracting(f -> f.entity() + " " + f.status() + " " + f.reason())
                .anyMatch(line -> line.startsWith("addresses FAILED HTTP 422 "))
                .anyMatch(line -> line.startsWith("addresses FAILED mapping houseNumber"))
                .anyMatch(line -> line.startsWith("connections BLOCKED parent addresses"));
        Path reportDir = dry.reportFile().getParent();
        assertThat(Files.readString(reportDir.resolve("report.html"))).contains("Dry run of migration ftth");
        assertThat(Files.readAllLines(reportDir.resolve("failed.csv"))).hasSize(1 + (int) report.failedTotal()
                + (int) report.entities().stream().mapToLong(RunReport.EntityCounts::blocked).sum());

        // when the real run follows, on the same data
        Set<String> realOutcomes;
        try (SpliceUnderTest splice = splice(false)) {
            CompletedRun real = splice.runtime().runMigration(TENANT, Map.of()).get(0);
            assertThat(real.report().status()).as(real.report().error()).isEqualTo("COMPLETED");
            realOutcomes = outcomes(splice.ledger(), "");
        }

        // then every record the target checked ended as the dry run said it would
        assertThat(realOutcomes).isNotEmpty().isEqualTo(dryOutcomes);
        assertThat(sandbox.records("addresses")).hasSize((int) dryOutcomes.stream()
                .filter(o -> o.startsWith("addresses ") && o.contains(" MIGRATED")).count());
    }

    /** "entity key STATUS reason" of the entities the target checks (the reason without the target's ids). */
    private static Set<String> outcomes(JdbcTemplate ledger, String schema) {
        return ledger.queryForList("select entity, source_key, status, reason from " + schema + "splice_record"
                        + " where tenant = ? and entity in ('projects', 'addresses', 'connections', 'planboards')", TENANT)
                .stream().map(row -> row.get("entity") + " " + row.get("source_key") + " " + row.get("status") + " "
                        + row.get("reason")).collect(Collectors.toSet());
    }

    private SpliceUnderTest splice(boolean dryRun) throws Exception {
        return SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, Map.of(
                "splice.migrations", "classpath:config/migrations/ftth.yaml",
                "splice.target-db.url", newSystem.url(), "splice.target-db.username", newSystem.user(),
                "splice.target-db.password", newSystem.password(),
                "splice.load.rate", "2000",
                "splice.dry-run", String.valueOf(dryRun)));
    }
}
