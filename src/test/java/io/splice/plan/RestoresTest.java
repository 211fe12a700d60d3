package io.splice.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The end of a run: which target stages are restored, and what a restore records, on a real ledger. */
class RestoresTest {

    private static final int PREPARE = 2;

    @TempDir
    Path dir;

    private PlanLedger ledger;
    private Restores restores;
    private String runId;

    @BeforeEach
    void restores() throws Exception {
        ledger = new PlanLedger(dir);
        restores = new Restores(ledger.plan, ledger.stages, ledger.owner, ledger.targetCalls());
        runId = ledger.runStarted();
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void aTargetStageThatRanIsDueWhateverItsOutcome() {
        ledger.stages.start(runId, "prepare", "target", "RUNNING", ledger.owner.self());
        ledger.stages.finish(runId, "prepare", "FAILED", "Stage prepare: GET /api/workflows/active answered HTTP 403");

        assertThat(restores.due(runId)).containsExactly("prepare");
    }

    @Test
    void nothingIsDueForASkippedStageAStageWithoutRestoreCallsOrNoRun() {
        ledger.stages.start(runId, "prepare", "target", "SKIPPED", ledger.owner.self());
        ledger.stages.start(runId, "customers", "migrate", "RUNNING", ledger.owner.self());

        assertThat(restores.due(runId)).isEmpty();
        assertThat(restores.due(null)).isEmpty();
    }

    @Test
    void aCompletedRestoreRecordsItAndMarksTheStagesSavedValuesRestored() throws Exception {
        // given prepare ran and saved the active workflows
        ledger.stages.start(runId, "prepare", "target", "RUNNING", ledger.owner.self());
        ledger.stages.finish(runId, "prepare", "COMPLETED", null);
        SavedValues saved = new SavedValues();
        saved.put("activeWorkflows", Map.of("ids", List.of("wf-1")));

        // when its restore runs through
        int index = restores.position("prepare");
        String stage = restores.begin("prepare", runId, "north");
        List<String> calls = restores.calls(index).stream().map(c -> c.method() + " " + c.path() + " " + c.body()).toList();
        restores.completed(index, runId, saved);

        // then
        assertThat(index).isEqualTo(PREPARE);
        assertThat(stage).isEqualTo("prepare:restore");
        assertThat(calls).containsExactly("PUT /api/workflows/active $saved.activeWorkflows");
        assertThat(ledger.history(runId)).containsExactly("prepare COMPLETED", "prepare:restore COMPLETED");
        assertThat(saved.needs("activeWorkflows")).isTrue();
        assertThat(ledger.json.readTree(ledger.runs.unfinished(PlanLedger.MIGRATION, "north").orElseThrow().saved()))
                .isEqualTo(ledger.json.readTree("{\"values\":{\"activeWorkflows\":{\"ids\":[\"wf-1\"]}},"
                        + "\"restored\":[\"activeWorkflows\"]}"));
        assertThat(restores.due(runId)).isEmpty();
    }

    @Test
    void aFailedRestoreIsRecordedWithWhyAndGivesTheRunsError() {
        ledger.stages.start(runId, "prepare", "target", "RUNNING", ledger.owner.self());
        ledger.stages.finish(runId, "prepare", "COMPLETED", null);
        String stage = restores.begin("prepare", runId, "north");

        String error = restores.failed(new RuntimeCamelException(new PlanCallFailedException(stage, "PUT",
                "/api/workflows/active", 409, "{\"error\":\"busy\"}")), stage, runId);

        assertThat(error).isEqualTo("restore prepare:restore failed: Stage prepare:restore: PUT /api/workflows/active "
                + "answered HTTP 409: {\"error\":\"busy\"}");
        assertThat(ledger.stages.history(runId)).extracting(s -> s.stage() + " " + s.status() + " " + s.error())
                .containsExactly("prepare COMPLETED null", "prepare:restore FAILED " + error);
        assertThat(restores.due(runId)).containsExactly("prepare");
    }
}
