package io.splice.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.splice.pipeline.StoppedException;
import io.splice.record.Keys;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A tenant's run through the plan's stages as the run-plan route drives PlanControl, on a real ledger. */
class PlanControlTest {

    @TempDir
    Path dir;

    private PlanLedger ledger;

    @BeforeEach
    void ledger() throws Exception {
        ledger = new PlanLedger(dir);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void aNewRunStartsAtTheFirstStageWithItsParametersResolved() throws Exception {
        // given
        PlanControl control = ledger.control(false);

        // when
        Exchange run = started(control, Map.of("secondsToWait", "5"));

        // then
        assertThat(run.getProperty(Keys.TENANT)).isEqualTo("north");
        assertThat(run.getProperty(Keys.PLAN_PARAMS)).isEqualTo(Map.of("secondsToWait", 5L, "onlyOrders", false));
        assertThat(run.getProperty(Keys.PLAN_SAVED, SavedValues.class).values()).isEmpty();
        assertThat(run.getProperty(Keys.PLAN_CURSOR)).isEqualTo(new PlanCursor(0, List.of()));
        assertThat(control.hasNext(cursor(run))).isTrue();
        assertThat(ledger.runs.unfinished(PlanLedger.MIGRATION, "north")).get()
                .satisfies(r -> assertThat(r.runId()).isEqualTo(run.getProperty(Keys.RUN_ID)))
                .satisfies(r -> assertThat(r.parameters()).isEqualTo("{\"secondsToWait\":5,\"onlyOrders\":false}"));
    }

    @Test
    void everyStageRunsInPlanOrderAndIsRecordedCompleted() throws Exception {
        PlanControl control = ledger.control(false);
        Exchange run = started(control, Map.of());

        List<String> kinds = runThrough(control, run);

        assertThat(kinds).containsExactly("configure", "choice", "target", "migrate", "wait", "migrate", "wait", "report");
        assertThat(ledger.history(runId(run))).containsExactly("configure COMPLETED", "only-orders COMPLETED",
                "prepare COMPLETED", "customers COMPLETED", "wait-for-jobs COMPLETED", "orders COMPLETED",
                "wait-for-mails COMPLETED", "report COMPLETED");
        assertThatCode(() -> control.finished(control.hasNext(cursor(run)))).doesNotThrowAnyException();
    }

    @Test
    void aChoiceThatHoldsContinuesAtItsGotoAndRecordsTheStagesBetweenSkipped() throws Exception {
        // given onlyOrders: the choice jumps over prepare, customers and wait-for-jobs to orders
        PlanControl control = ledger.control(false);
        Exchange run = started(control, Map.of("onlyOrders", "true"));

        // when
        List<String> kinds = runThrough(control, run);

        // then
        assertThat(kinds).containsExactly("configure", "choice", "migrate", "wait", "report");
        assertThat(ledger.history(runId(run))).containsExactly("configure COMPLETED", "only-orders COMPLETED",
                "prepare SKIPPED", "customers SKIPPED", "wait-for-jobs SKIPPED", "orders COMPLETED",
                "wait-for-mails COMPLETED", "report COMPLETED");
    }

    @Test
    void aChoiceGivesTheGotoStagesPositionOnlyWhenItsConditionHolds() throws Exception {
        PlanControl control = ledger.control(false);

        assertThat(control.choose(1, "r", Map.of("onlyOrders", true), new SavedValues(), "north")).isEqualTo(5);
        assertThat(control.choose(1, "r", Map.of("onlyOrders", false), new SavedValues(), "north")).isNull();
    }

    @Test
    void aConfigureStageFailsWithTheRequirementsMessageWhenItDoesNotHold() {
        PlanControl control = ledger.control(false);

        assertThatThrownBy(() -> control.configure(0, Map.of("secondsToWait", -1L), new SavedValues(), "north"))
                .isInstanceOf(StageRequirementException.class)
                .hasMessage("Stage configure: secondsToWait must be 0 or more");
        assertThatCode(() -> control.configure(0, Map.of("secondsToWait", 0L), new SavedValues(), "north"))
                .doesNotThrowAnyException();
    }

    @Test
    void aDryRunSkipsTheStagesThatCallTheTargetAndRecordsThemSkipped() throws Exception {
        PlanControl control = ledger.control(true);
        Exchange run = started(control, Map.of());

        List<String> kinds = runThrough(control, run);

        assertThat(kinds).containsExactly("configure", "choice", "skipped", "migrate", "skipped", "migrate", "skipped",
                "report");
        assertThat(ledger.history(runId(run))).containsExactly("configure COMPLETED", "only-orders COMPLETED",
                "prepare SKIPPED", "customers COMPLETED", "wait-for-jobs SKIPPED", "orders COMPLETED",
                "wait-for-mails SKIPPED", "report COMPLETED");
    }

    @Test
    void aFailedRunResumesAtItsFirstUnfinishedStageAfterPreparingTheTargetAgain() throws Exception {
        // given a run that failed in wait-for-jobs, after prepare and customers completed
        PlanControl control = ledger.control(false);
        Exchange first = started(control, Map.of("secondsToWait", "7"));
        for (int stage = 0; stage < 4; stage++) {
            enterAndLeave(control, first);
        }
        PlanCursor atWait = cursor(first);
        control.enterStage(runId(first), "north", atWait.stage(), atWait);
        String error = control.stageFailed(new RuntimeCamelException(new WaitTimedOutException("wait-for-jobs",
                "pending = 0", 7, "{\"pending\":3}")), "wait-for-jobs", runId(first), "north");
        ledger.runs.finish(runId(first), "FAILED", error);

        // when it starts again
        Exchange again = started(control, Map.of());

        // then the same run, with its parameters, prepares the target again and continues at wait-for-jobs
        assertThat(runId(again)).isEqualTo(runId(first));
        assertThat(again.getProperty(Keys.PLAN_PARAMS)).isEqualTo(Map.of("secondsToWait", 7L, "onlyOrders", false));
        assertThat(cursor(again)).isEqualTo(new PlanCursor(4, List.of(2)));
        List<String> kinds = runThrough(control, again);
        assertThat(kinds).containsExactly("target", "wait", "migrate", "wait", "report");
        assertThat(ledger.history(runId(again))).containsExactly("configure COMPLETED", "only-orders COMPLETED",
                "prepare COMPLETED", "customers COMPLETED", "wait-for-jobs FAILED", "prepare COMPLETED",
                "wait-for-jobs COMPLETED", "orders COMPLETED", "wait-for-mails COMPLETED", "report COMPLETED");
        assertThat(ledger.stages.history(runId(again)).get(4).error())
                .isEqualTo("Stage wait-for-jobs: 'pending = 0' did not hold within 7 s (last answer: {\"pending\":3})");
    }

    @Test
    void aRunThisLivingProcessIsRunningIsNotStartedTwice() throws Exception {
        PlanControl control = ledger.control(false);
        Exchange first = started(control, Map.of());

        assertThatThrownBy(() -> started(control, Map.of())).isInstanceOf(RunInProgressException.class)
                .hasMessage("Run " + runId(first) + " of tenant north is in progress in another process ("
                        + ledger.owner.self() + "); stop that process, or wait until its heartbeat is stale");
    }

    @Test
    void anUnknownParameterIsRefusedBeforeTheRunStarts() {
        PlanControl control = ledger.control(false);

        assertThatThrownBy(() -> started(control, Map.of("secondsToWiat", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown plan parameter 'secondsToWiat' (parameters: secondsToWait, onlyOrders)");
        assertThat(ledger.runs.unfinished(PlanLedger.MIGRATION, "north")).isEmpty();
    }

    @Test
    void aLoopThatBrokeOffWithStagesLeftIsAStopNotACompleteRun() {
        PlanControl control = ledger.control(false);

        assertThatThrownBy(() -> control.finished(true)).isInstanceOf(StoppedException.class)
                .hasMessage("Splice stopped (shutdown) before the plan's last stage; the next run resumes here");
        assertThatCode(() -> control.finished(false)).doesNotThrowAnyException();
    }

    @Test
    void aFailedStageIsRecordedWithTheErrorsOwnWords() throws Exception {
        PlanControl control = ledger.control(false);
        String runId = ledger.runStarted();
        control.enterStage(runId, "north", 0, new PlanCursor(0, List.of()));

        String error = control.stageFailed(new StageRequirementException("configure", "secondsToWait must be 0 or more"),
                "configure", runId, "north");

        assertThat(error).isEqualTo("Stage configure: secondsToWait must be 0 or more");
        assertThat(ledger.stages.history(runId)).singleElement()
                .satisfies(s -> assertThat(s.status() + " " + s.error()).isEqualTo("FAILED " + error));
    }

    @Test
    void aMigrateStageGivesItsEntitiesLevelByLevelAndATargetStageItsCalls() {
        PlanControl control = ledger.control(false);

        assertThat(control.levels(3)).containsExactly(List.of("customers"));
        assertThat(control.targetCalls(2)).extracting(c -> c.method() + " " + c.path())
                .containsExactly("GET /api/workflows/active", "PUT /api/workflows/active");
    }

    @Test
    void planExpressionsSeeTheParametersSavedValuesTenantAndItsVariables() {
        SavedValues saved = new SavedValues();
        saved.put("activeWorkflows", Map.of("ids", List.of("wf-1")));

        Map<String, Object> bindings = ledger.control(false).bindings(Map.of("onlyOrders", true), saved, "north");

        assertThat(bindings).containsEntry("params", Map.of("onlyOrders", true))
                .containsEntry("saved", Map.of("activeWorkflows", Map.of("ids", List.of("wf-1"))))
                .containsEntry("tenant", "north").containsEntry("variables", Map.of("region", "n"));
    }

    private static Exchange started(PlanControl control, Map<String, String> parameters) throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        control.start("north", parameters, exchange);
        return exchange;
    }

    /** The run-plan route's loop, choices answered as the stage-choice route would. */
    private static List<String> runThrough(PlanControl control, Exchange run) {
        List<String> kinds = new ArrayList<>();
        while (control.hasNext(cursor(run))) {
            kinds.add(enterAndLeave(control, run));
        }
        return kinds;
    }

    private static String enterAndLeave(PlanControl control, Exchange run) {
        PlanCursor cursor = cursor(run);
        int index = control.stageIndex(cursor);
        String kind = control.enterStage(runId(run), "north", index, cursor);
        @SuppressWarnings("unchecked")
        Map<String, Object> params = run.getProperty(Keys.PLAN_PARAMS, Map.class);
        Integer jump = "choice".equals(kind)
                ? control.choose(index, runId(run), params, run.getProperty(Keys.PLAN_SAVED, SavedValues.class), "north")
                : null;
        run.setProperty(Keys.PLAN_CURSOR, control.leaveStage(runId(run), index, cursor, jump));
        return kind;
    }

    private static PlanCursor cursor(Exchange run) {
        return run.getProperty(Keys.PLAN_CURSOR, PlanCursor.class);
    }

    private static String runId(Exchange run) {
        return run.getProperty(Keys.RUN_ID, String.class);
    }
}
