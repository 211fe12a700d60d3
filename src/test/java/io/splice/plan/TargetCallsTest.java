package io.splice.plan;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.splice.definition.StageDefinition.TargetCall;
import io.splice.target.TargetUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A plan's call to the target: its request from the definition, when it is skipped, and its answer. */
class TargetCallsTest {

    private static final TargetCall SAVE = new TargetCall("activeWorkflows", "GET", "/api/workflows/active", null, true);
    private static final TargetCall CLEAR = new TargetCall(null, null, "/api/workflows/active", "{\"ids\": []}", null);
    private static final TargetCall PUT_BACK = new TargetCall(null, "PUT", "/api/workflows/active",
            "$saved.activeWorkflows", null);
    private static final Map<String, Object> PARAMS = Map.of("secondsToWait", 30L);

    @TempDir
    Path dir;

    private PlanLedger ledger;
    private TargetCalls calls;
    private final SavedValues saved = new SavedValues();

    @BeforeEach
    void calls() throws Exception {
        ledger = new PlanLedger(dir);
        calls = ledger.targetCalls();
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void theCallIsTheBodysOrOnARedeliveryTheOneKept() {
        assertThat(calls.call(null, SAVE)).isEqualTo(SAVE);
        assertThat(calls.call(SAVE, "{\"ids\":[]}")).isEqualTo(SAVE);
    }

    @Test
    void theRequestBodyIsTheCallsExpressionAsJson() throws Exception {
        saved.put("activeWorkflows", Map.of("ids", List.of("wf-1", "wf-3")));

        assertThat(calls.requestBody(CLEAR, PARAMS, saved, "north")).isEqualTo("{\"ids\":[]}");
        assertThat(calls.requestBody(PUT_BACK, PARAMS, saved, "north")).isEqualTo("{\"ids\":[\"wf-1\",\"wf-3\"]}");
        assertThat(calls.requestBody(SAVE, PARAMS, saved, "north")).isNull();
        assertThat(calls.requestBody(PUT_BACK, PARAMS, new SavedValues(), "north")).isNull();
    }

    @Test
    void aCallThatSavesIsSkippedWhileItsValueIsKeptUnrestored() {
        assertThat(calls.skips(SAVE, null, saved, null, "r")).isFalse();

        saved.put("activeWorkflows", Map.of("ids", List.of()));
        assertThat(calls.skips(SAVE, null, saved, null, "r")).isTrue();

        saved.markRestored(List.of("activeWorkflows"));
        assertThat(calls.skips(SAVE, null, saved, null, "r")).isFalse();
    }

    @Test
    void aRestoreWithNothingSavedToPutBackIsSkippedButAPreparationIsNot() {
        assertThat(calls.skips(PUT_BACK, null, saved, true, "r")).isTrue();
        assertThat(calls.skips(PUT_BACK, null, saved, false, "r")).isFalse();
        assertThat(calls.skips(PUT_BACK, "{\"ids\":[]}", saved, true, "r")).isFalse();
    }

    @Test
    void theRequestCarriesOnlyTheCallsHeadersAndTheRedeliveryCount() {
        Message message = new DefaultMessage(new DefaultCamelContext());
        message.setHeader("JMSMessageID", "ID:1");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.REDELIVERY_COUNTER, 2);

        calls.request(CLEAR, "{\"ids\":[]}", message);

        assertThat(message.getHeaders()).containsOnly(Map.entry(Exchange.HTTP_METHOD, "POST"),
                Map.entry(Exchange.HTTP_PATH, "/api/workflows/active"), Map.entry("Accept", "application/json"),
                Map.entry(Exchange.CONTENT_TYPE, "application/json"), Map.entry(Exchange.REDELIVERY_COUNTER, 2));
    }

    @Test
    void aCallWithoutBodyIsAGetWithoutContentType() {
        Message message = new DefaultMessage(new DefaultCamelContext());

        calls.request(new TargetCall(null, null, "/api/jobs", null, null), null, message);

        assertThat(message.getHeaders()).containsOnly(Map.entry(Exchange.HTTP_METHOD, "GET"),
                Map.entry(Exchange.HTTP_PATH, "/api/jobs"), Map.entry("Accept", "application/json"));
    }

    @Test
    void aTransientAnswerIsRetriedAfterItsRetryAfter() {
        Map<String, Object> headers = new HashMap<>();

        assertThatThrownBy(() -> calls.checkStatus(SAVE, "prepare", 503, "7", "", headers))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessage("GET /api/workflows/active answered HTTP 503");
        assertThat(headers).containsEntry(Exchange.REDELIVERY_DELAY, 7000L);
    }

    @Test
    void aRefusalFailsTheStageWithTheAnswer() {
        assertThatThrownBy(() -> calls.checkStatus(CLEAR, "prepare", 403, null, "{\"error\":\"forbidden\"}",
                new HashMap<>())).isInstanceOf(PlanCallFailedException.class)
                .hasMessage("Stage prepare: POST /api/workflows/active answered HTTP 403: {\"error\":\"forbidden\"}");
        assertThatThrownBy(() -> calls.checkStatus(CLEAR, "prepare", 404, null, " ", new HashMap<>()))
                .hasMessage("Stage prepare: POST /api/workflows/active answered HTTP 404: (no body)");
        assertThatThrownBy(() -> calls.checkStatus(CLEAR, "prepare", 400, null, "x".repeat(301), new HashMap<>()))
                .hasMessageEndingWith("answered HTTP 400: " + "x".repeat(300) + "…");
    }

    @Test
    void aSuccessfulAnswerClearsAnEarlierRetryDelay() {
        Map<String, Object> headers = new HashMap<>(Map.of(Exchange.REDELIVERY_DELAY, 7000L));

        assertThatCode(() -> calls.checkStatus(SAVE, "prepare", 204, null, "", headers)).doesNotThrowAnyException();
        assertThat(headers).doesNotContainKey(Exchange.REDELIVERY_DELAY);
    }

    @Test
    void theAnswerOfACallThatSavesIsKeptAndWrittenToTheLedger() throws Exception {
        String runId = ledger.runStarted();

        Object answer = calls.answer(SAVE, "{\"ids\":[\"wf-1\"]}", saved, runId);

        assertThat(answer).isEqualTo(Map.of("ids", List.of("wf-1")));
        assertThat(saved.values()).isEqualTo(Map.of("activeWorkflows", Map.of("ids", List.of("wf-1"))));
        assertThat(ledger.json.readTree(ledger.runs.unfinished(PlanLedger.MIGRATION, "north").orElseThrow().saved()))
                .isEqualTo(ledger.json.readTree("{\"values\":{\"activeWorkflows\":{\"ids\":[\"wf-1\"]}},\"restored\":[]}"));
    }

    @Test
    void anEmptyAnswerIsAnEmptyObjectAndACallThatDoesNotSaveKeepsNothing() throws Exception {
        String runId = ledger.runStarted();

        assertThat(calls.answer(CLEAR, "", saved, runId)).isEqualTo(Map.of());
        assertThat(saved.values()).isEmpty();
        assertThat(ledger.runs.unfinished(PlanLedger.MIGRATION, "north")).get().extracting(r -> r.saved()).isNull();
    }
}
