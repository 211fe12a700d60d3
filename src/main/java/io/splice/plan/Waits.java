package io.splice.plan;

import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.definition.StageDefinition;
import io.splice.pipeline.StoppedException;
import io.splice.record.Keys;
import org.apache.camel.Exchange;

/** A wait stage: poll the target until the condition over its answer holds, or fail when the timeout passes. */
public class Waits {

    private final Plan plan;
    private final PlanControl control;
    private final ObjectMapper json;

    public Waits(Plan plan, PlanControl control, ObjectMapper json) {
        this.plan = plan;
        this.control = control;
        this.json = json;
    }

    public void begin(Exchange exchange) {
        StageDefinition.Wait wait = control.currentStage(exchange).waitFor();
        long timeout = timeoutSeconds(exchange, wait);
        exchange.setProperty(Keys.WAIT_DEADLINE, System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout));
        exchange.setProperty(Keys.WAIT_INTERVAL, wait.intervalMillis() == null ? 1000 : wait.intervalMillis());
        exchange.setProperty(Keys.WAITING, true);
    }

    public StageDefinition.TargetCall call(Exchange exchange) {
        return control.currentStage(exchange).waitFor().call();
    }

    /** After a poll: done when the condition holds; past the deadline, the stage fails with the last answer. */
    public void check(Exchange exchange) throws Exception {
        StageDefinition stage = control.currentStage(exchange);
        Object answer = exchange.getMessage().getBody();
        if (plan.expression(stage.waitFor().until()).holds(answer, control.bindings(exchange))) {
            exchange.setProperty(Keys.WAITING, false);
            return;
        }
        if (System.nanoTime() > exchange.getProperty(Keys.WAIT_DEADLINE, Long.class)) {
            String last = json.writeValueAsString(answer);
            throw new WaitTimedOutException(stage.name(), stage.waitFor().until(), timeoutSeconds(exchange, stage.waitFor()),
                    last.length() > 300 ? last.substring(0, 300) + "…" : last);
        }
    }

    public void finished(Exchange exchange) throws StoppedException {
        if (exchange.getProperty(Keys.WAITING, false, Boolean.class)) {
            throw new StoppedException("while waiting in stage " + control.currentStage(exchange).name());
        }
    }

    private long timeoutSeconds(Exchange exchange, StageDefinition.Wait wait) {
        Object value = plan.expression(wait.timeoutSeconds()).evaluate(null, control.bindings(exchange));
        if (!(value instanceof Number number) || number.doubleValue() < 0) {
            throw new IllegalArgumentException("Stage " + control.currentStage(exchange).name() + ": timeoutSeconds '"
                    + wait.timeoutSeconds() + "' must give a number of seconds, gave " + value);
        }
        return number.longValue();
    }
}
