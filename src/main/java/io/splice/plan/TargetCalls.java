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
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plan's calls to the target (prepare, restore, poll): the request from the call's definition — its body a
 * JSONata expression over $params, $saved, $tenant, $variables — and the answer: parsed, saved when asked,
 * retried when transient, a stage failure when refused.
 */
public class TargetCalls {

    // set when a call that saves is skipped: its value is kept from before (not yet restored)
    static final String SKIP = "splicePlanCallSkipped";
    private static final String CALL = "splicePlanCall";
    // set by Restores while a stage's restore calls run
    static final String RESTORING = "splicePlanRestoring";
    private static final Logger LOG = LoggerFactory.getLogger(TargetCalls.class);

    private final Plan plan;
    private final PlanControl control;
    private final Runs runs;
    private final ObjectMapper json;
    private final String bearerToken;

    public TargetCalls(Plan plan, PlanControl control, Runs runs, ObjectMapper json, String bearerToken) {
        this.plan = plan;
        this.control = control;
        this.runs = runs;
        this.json = json;
        this.bearerToken = bearerToken == null || bearerToken.isBlank() ? null : bearerToken;
    }

    /** The body is the call to make; every attempt (a redelivery too) is built from it again. */
    public void prepare(Exchange exchange) throws Exception {
        TargetCall call = exchange.getProperty(CALL, TargetCall.class);
        if (call == null) {
            call = exchange.getMessage().getBody(TargetCall.class);
            exchange.setProperty(CALL, call);
        }
        Object body = call.body() == null ? null : plan.expression(call.body()).evaluate(null, control.bindings(exchange));
        boolean keptFromBefore = call.saves() && !PlanControl.saved(exchange).needs(call.name());
        boolean nothingToRestore = call.body() != null && body == null && exchange.getProperty(RESTORING, false, Boolean.class);
        if (nothingToRestore) {
            LOG.warn("Run {}: {} {} skipped, its body {} is empty (nothing was saved to put back)",
                    exchange.getProperty(Keys.RUN_ID), method(call), call.path(), call.body());
        }
        exchange.setProperty(SKIP, keptFromBefore || nothingToRestore);
        Message message = exchange.getMessage();
        Keys.clearHeadersKeepingRedelivery(message);
        message.setHeader(Exchange.HTTP_METHOD, method(call));
        message.setHeader(Exchange.HTTP_PATH, call.path());
        message.setHeader("Accept", "application/json");
        if (bearerToken != null) {
            message.setHeader("Authorization", "Bearer " + bearerToken);
        }
        if (body != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
            message.setBody(json.writeValueAsString(body));
        } else {
            message.setBody(null);
        }
    }

    /** 2xx: the parsed answer becomes the body (and is saved when asked); 408/429/5xx: retried; else: refused. */
    public void handle(Exchange exchange) throws Exception {
        TargetCall call = exchange.getProperty(CALL, TargetCall.class);
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String answer = message.getBody(String.class);
        message.removeHeader(Exchange.REDELIVERY_DELAY);
        if (status == 408 || status == 429 || status >= 500) {
            OptionalLong wait = RetryAfter.millis(message.getHeader("Retry-After", String.class), Instant.now());
            wait.ifPresent(ms -> message.setHeader(Exchange.REDELIVERY_DELAY, ms));
            throw new TargetUnavailableException(status, method(call) + " " + call.path() + " answered HTTP " + status);
        }
        if (status < 200 || status >= 300) {
            throw new PlanCallFailedException(exchange.getProperty(Keys.STAGE, String.class), method(call), call.path(),
                    status, answer == null || answer.isBlank() ? "(no body)" : abbreviate(answer));
        }
        Object parsed = answer == null || answer.isBlank() ? Map.of() : json.readValue(answer, Object.class);
        if (call.saves()) {
            SavedValues saved = PlanControl.saved(exchange);
            saved.put(call.name(), parsed);
            persist(exchange, saved);
        }
        exchange.removeProperty(CALL);
        message.setBody(parsed);
    }

    /** A skipped call leaves the next call nothing of its own. */
    public void skipped(Exchange exchange) {
        exchange.removeProperty(CALL);
    }

    void persist(Exchange exchange, SavedValues saved) throws Exception {
        runs.saved(exchange.getProperty(Keys.RUN_ID, String.class),
                json.writeValueAsString(Map.of("values", saved.values(), "restored", saved.restored())));
    }

    private static String method(TargetCall call) {
        return call.method() != null ? call.method() : call.body() == null ? "GET" : "POST";
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
