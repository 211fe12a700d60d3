package io.splice.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.pipeline.StoppedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A wait stage's deadline, interval, polls and timeout, with plain values (stage 4 wait-for-jobs, 6 wait-for-mails). */
class WaitsTest {

    private static final int JOBS = 4;
    private static final int MAILS = 6;
    private static final Map<String, Object> PARAMS = Map.of("secondsToWait", 30L, "onlyOrders", false);

    @TempDir
    Path dir;

    private PlanLedger ledger;
    private Waits waits;
    private final SavedValues saved = new SavedValues();

    @BeforeEach
    void waits() throws Exception {
        ledger = new PlanLedger(dir);
        waits = new Waits(ledger.plan, ledger.control(false), new ObjectMapper());
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void theDeadlineIsTheParametersTimeoutFromNow() {
        long before = System.nanoTime();

        long deadline = waits.deadline(JOBS, PARAMS, saved, "north");

        long after = System.nanoTime();
        assertThat(deadline).isBetween(before + TimeUnit.SECONDS.toNanos(30), after + TimeUnit.SECONDS.toNanos(30));
    }

    @Test
    void aTimeoutThatGivesNoNumberOfSecondsFailsTheStage() {
        assertThatThrownBy(() -> waits.deadline(JOBS, Map.of("secondsToWait", -2L), saved, "north"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Stage wait-for-jobs: timeoutSeconds '$params.secondsToWait' must give a number of seconds,"
                        + " gave -2");
    }

    @Test
    void pollsArePacedByTheStagesIntervalOrASecond() {
        assertThat(waits.intervalMillis(JOBS)).isEqualTo(250);
        assertThat(waits.intervalMillis(MAILS)).isEqualTo(1000);
        assertThat(waits.call(JOBS)).satisfies(c -> assertThat(c.method() + " " + c.path()).isEqualTo("GET /api/jobs"));
    }

    @Test
    void theWaitEndsWhenTheConditionHoldsOverTheAnswer() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);

        assertThat(waits.stillWaiting(Map.of("pending", 2), JOBS, deadline, PARAMS, saved, "north")).isTrue();
        assertThat(waits.stillWaiting(Map.of("pending", 0), JOBS, deadline, PARAMS, saved, "north")).isFalse();
    }

    @Test
    void theConditionSeesTheTenantsVariables() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);

        assertThat(waits.stillWaiting(Map.of("queued", 0), MAILS, deadline, PARAMS, saved, "north")).isFalse();
        assertThat(waits.stillWaiting(Map.of("queued", 0), MAILS, deadline, PARAMS, saved, "south")).isTrue();
    }

    @Test
    void pastTheDeadlineTheStageFailsWithTheConditionTheTimeoutAndTheLastAnswer() {
        long passed = System.nanoTime() - 1;

        assertThatThrownBy(() -> waits.stillWaiting(Map.of("pending", 2), JOBS, passed, PARAMS, saved, "north"))
                .isInstanceOf(WaitTimedOutException.class)
                .hasMessage("Stage wait-for-jobs: 'pending = 0' did not hold within 30 s (last answer: {\"pending\":2})");
    }

    @Test
    void aLongLastAnswerIsCutAt300Characters() {
        long passed = System.nanoTime() - 1;
        Map<String, Object> answer = Map.of("pending", 1, "ids", List.of("x".repeat(400)));

        assertThatThrownBy(() -> waits.stillWaiting(answer, JOBS, passed, PARAMS, saved, "north"))
                .isInstanceOf(WaitTimedOutException.class)
                .satisfies(e -> assertThat(e.getMessage()).endsWith("…)")
                        .hasSize("Stage wait-for-jobs: 'pending = 0' did not hold within 30 s (last answer: ".length()
                                + 300 + "…)".length()));
    }

    @Test
    void aConditionThatHoldsPastTheDeadlineStillEndsTheWait() throws Exception {
        assertThat(waits.stillWaiting(Map.of("pending", 0), JOBS, System.nanoTime() - 1, PARAMS, saved, "north"))
                .isFalse();
    }

    @Test
    void aPollLoopThatBrokeOffWhileWaitingIsAStop() {
        assertThatThrownBy(() -> waits.finished(true, JOBS)).isInstanceOf(StoppedException.class)
                .hasMessage("Splice stopped (shutdown) while waiting in stage wait-for-jobs; the next run resumes here");
        assertThatCode(() -> waits.finished(false, JOBS)).doesNotThrowAnyException();
    }
}
