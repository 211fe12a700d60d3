package io.splice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.splice.report.CompletedRun;
import io.splice.report.ReadBackCheck;
import io.splice.report.RunReport;
import io.splice.sample.SampleDataGenerator;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconciliation reads a sample of the migrated records back from the target and compares them field by field. */
class ReadBackTest {

    @TempDir
    Path workDir;

    private TestStack stack;
    private SandboxTarget sandbox;
    private SpliceUnderTest splice;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        new SampleDataGenerator(5, 0.1).generate(stack.source().dataSource());
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
        splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, Map.of(
                "splice.load.rate", "1000", "splice.reconcile.sample-percent", "25", "splice.reconcile.read-back-max", "40")));
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void aRunsReportReadsASampleBackAndFindsWhatTheTargetHolds() throws Exception {
        CompletedRun run = splice.run();

        RunReport.ReadBack addresses = run.report().readBack().get(0);
        Integer kept = splice.ledger().queryForObject("select count(*) from splice_record where status = 'MIGRATED'"
                + " and request_body is not null", Integer.class);
        long migrated = run.report().entities().get(0).migrated();
        assertThat(addresses.entity()).isEqualTo("addresses");
        // about a quarter of the migrated records kept what was sent; up to 40 of them were read back, all equal
        assertThat(kept).isBetween((int) (migrated / 8), (int) (migrated / 2));
        assertThat(addresses.sampled()).isEqualTo(Math.min(kept, 40)).isEqualTo(addresses.matched());
        assertThat(addresses.differences()).isEmpty();
        Path reportDir = run.reportFile().getParent();
        assertThat(Files.readString(run.reportFile())).contains("\"readBack\"");
        assertThat(Files.readString(reportDir.resolve("report.html"))).contains("Read back from the target");
    }

    @Test
    void aRecordChangedAtTheTargetAfterItsMigrationShowsAsADifferenceNamingTheField() throws Exception {
        CompletedRun run = splice.run();
        Map<String, Object> sampled = splice.ledger().queryForMap("select source_key, target_id from splice_record"
                + " where status = 'MIGRATED' and request_body is not null order by source_key fetch first 1 rows only");
        String targetId = (String) sampled.get("target_id");
        String cityBefore = (String) sandbox.record("addresses", targetId).orElseThrow().body().get("city");

        // a user of the new system edits the record after it was migrated
        sandbox.edit("addresses", targetId, "city", "Nergenshuizen");
        RunReport checked = splice.runtime().context().getRegistry().lookupByNameAndType("readBackCheck", ReadBackCheck.class)
                .check(run.report());

        RunReport.ReadBack addresses = checked.readBack().get(0);
        assertThat(addresses.differing()).isEqualTo(1);
        assertThat(addresses.matched()).isEqualTo(addresses.sampled() - 1);
        assertThat(addresses.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.sourceKey()).isEqualTo(sampled.get("source_key"));
            assertThat(difference.targetId()).isEqualTo(targetId);
            assertThat(difference.field()).isEqualTo("city");
            assertThat(difference.sent()).isEqualTo("\"" + cityBefore + "\"");
            assertThat(difference.found()).isEqualTo("\"Nergenshuizen\"");
        });
    }
}
