package io.splice.plan;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.definition.StageDefinition.TargetCall;
import io.splice.ledger.Runs;
import io.splice.record.Keys;
import io.splice.target.RetryAfter;
import io.splice.target.TargetUnavailableException;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plan's calls to the target (prepare, restore, poll): the request from the call's definition — its body a
 * JSONata expression over $params, $saved, $tenant, $variables — and the answer: parsed, saved when asked,
 * retried when transient, a stage failure when refused.
 */
public class TargetCalls {

    // the route's names for a call's own state (routes/run.camel.yaml, plan-target-call-once and restore-target):
    // the call being made, kept for its redeliveries
    static final String CALL = "splicePlanCall";
    // set while a stage's restore calls run
    static final String RESTORING = "splicePlanRestoring";
    private static final Logger LOG = LoggerFactory.getLogger(TargetCalls.class);

    private final Plan plan;
    private final PlanControl control;
    private final Runs runs;
    private final ObjectMapper json;

    public TargetCalls(Plan plan, PlanControl control, Runs runs, ObjectMapper json) {
        this.plan = plan;
        this.control = control;
        this.runs = runs;
        this.json = json;
    }

    /** The call to make (splicePlanCall): the body's, or on a redelivery the one kept (the body is its request then). */
    public TargetCall call(@ExchangeProperty(CALL) TargetCall kept, @Body Object body) {
        return kept != null ? kept : (TargetCall) body;
    }

    /** The request's body: the call's body expression, as JSON (null without one, or when it gives nothing). */
    public String requestBody(@ExchangeProperty(CALL) TargetCall call,
                              @ExchangeProperty(Keys.PLAN_PARAMS) Map<String, Object> params,
                              @ExchangeProperty(Keys.PLAN_SAVED) SavedValues saved,
                              @ExchangeProperty(Keys.TENANT) String tenant) throws Exception {
        Object body = call.body() == null ? null
                : plan.expression(call.body()).evaluate(null, control.bindings(params, saved, tenant));
        return body == null ? null : json.writeValueAsString(body);
    }

    /**
     * Whether the call is skipped (splicePlanCallSkipped): a value saved earlier and not yet restored is kept, and a
     * restore whose body gives nothing has nothing to put back.
     */
    public boolean skips(@ExchangeProperty(CALL) TargetCall call, @Body String request,
                         @ExchangeProperty(Keys.PLAN_SAVED) SavedValues saved,
                         @ExchangeProperty(RESTORING) Boolean restoring, @ExchangeProperty(Keys.RUN_ID) String runId) {
        boolean keptFromBefore = call.saves() && !saved.needs(call.name());
        boolean nothingToRestore = call.body() != null && request == null && Boolean.TRUE.equals(restoring);
        if (nothingToRestore) {
            LOG.warn("Run {}: {} {} skipped, its body {} is empty (nothing was saved to put back)",
                    runId, method(call), call.path(), call.body());
        }
        return keptFromBefore || nothingToRestore;
    }

    /** The request's headers: nothing from earlier steps, the call's method and path, JSON (credentials come later). */
    public void request(@ExchangeProperty(CALL) TargetCall call, @Body String request, Message message) {
        // Message: the headers are many outputs, and only Keys.clearHeadersKeepingRedelivery keeps the redelivery count
        Keys.clearHeadersKeepingRedelivery(message);
        message.setHeader(Exchange.HTTP_METHOD, method(call));
        message.setHeader(Exchange.HTTP_PATH, call.path());
        message.setHeader("Accept", "application/json");
        if (request != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
    }

    /**
     * The answer's status: 408/429/5xx are retried (after its Retry-After, as CamelRedeliveryDelay), another non-2xx
     * is refused and fails the stage.
     */
    public void checkStatus(@ExchangeProperty(CALL) TargetCall call, @ExchangeProperty(Keys.STAGE) String stage,
                            @Header(Exchange.HTTP_RESPONSE_CODE) int status, @Header("Retry-After") String retryAfter,
                            @Body String answer, @Headers Map<String, Object> headers) throws Exception {
        headers.remove(Exchange.REDELIVERY_DELAY);
        if (status == 408 || status == 429 || status >= 500) {
            OptionalLong wait = RetryAfter.millis(retryAfter, Instant.now());
            wait.ifPresent(ms -> headers.put(Exchange.REDELIVERY_DELAY, ms));
            throw new TargetUnavailableException(status, method(call) + " " + call.path() + " answered HTTP " + status);
        }
        if (status < 200 || status >= 300) {
            throw new PlanCallFailedException(stage, method(call), call.path(), status,
                    answer == null || answer.isBlank() ? "(no body)" : abbreviate(answer));
        }
    }

    /** A 2xx answer, parsed (an empty one as {}), becomes the body; saved under the call's name when it saves. */
    public Object answer(@ExchangeProperty(CALL) TargetCall call, @Body String answer,
                         @ExchangeProperty(Keys.PLAN_SAVED) SavedValues saved,
                         @ExchangeProperty(Keys.RUN_ID) String runId) throws Exception {
        Object parsed = answer == null || answer.isBlank() ? Map.of() : json.readValue(answer, Object.class);
        if (call.saves()) {
            saved.put(call.name(), parsed);
            persist(runId, saved);
        }
        return parsed;
    }

    void persist(String runId, SavedValues saved) throws Exception {
        runs.saved(runId, json.writeValueAsString(Map.of("values", saved.values(), "restored", saved.restored())));
    }

    private static String method(TargetCall call) {
        return call.method() != null ? call.method() : call.body() == null ? "GET" : "POST";
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
