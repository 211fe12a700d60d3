package io.splice.plan;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.definition.StageDefinition;
import io.splice.pipeline.StoppedException;
import io.splice.record.Keys;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/** A wait stage: poll the target until the condition over its answer holds, or fail when the timeout passes. */
public class Waits {

    private static final int DEFAULT_INTERVAL_MILLIS = 1000;

    private final Plan plan;
    private final PlanControl control;
    private final ObjectMapper json;

    public Waits(Plan plan, PlanControl control, ObjectMapper json) {
        this.plan = plan;
        this.control = control;
        this.json = json;
    }

    /** When the wait gives up (System.nanoTime): its timeoutSeconds from now (spliceWaitDeadline). */
    public long deadline(@ExchangeProperty(Keys.STAGE_INDEX) int index,
                         @ExchangeProperty(Keys.PLAN_PARAMS) Map<String, Object> params,
                         @ExchangeProperty(Keys.PLAN_SAVED) SavedValues saved,
                         @ExchangeProperty(Keys.TENANT) String tenant) {
        long timeout = timeoutSeconds(plan.stage(index), control.bindings(params, saved, tenant));
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
    }

    /** How long to pause between polls (spliceWaitInterval). */
    public int intervalMillis(@ExchangeProperty(Keys.STAGE_INDEX) int index) {
        Integer interval = plan.stage(index).waitFor().intervalMillis();
        return interval == null ? DEFAULT_INTERVAL_MILLIS : interval;
    }

    /** The poll to send. */
    public StageDefinition.TargetCall call(@ExchangeProperty(Keys.STAGE_INDEX) int index) {
        return plan.stage(index).waitFor().call();
    }

    /**
     * After a poll: whether to go on waiting (spliceWaiting) — not once the condition holds over the answer; past the
     * deadline, the stage fails with the last answer.
     */
    public boolean stillWaiting(@Body Object answer, @ExchangeProperty(Keys.STAGE_INDEX) int index,
                                @ExchangeProperty(Keys.WAIT_DEADLINE) long deadline,
                                @ExchangeProperty(Keys.PLAN_PARAMS) Map<String, Object> params,
                                @ExchangeProperty(Keys.PLAN_SAVED) SavedValues saved,
                                @ExchangeProperty(Keys.TENANT) String tenant) throws Exception {
        StageDefinition stage = plan.stage(index);
        Map<String, Object> bindings = control.bindings(params, saved, tenant);
        if (plan.expression(stage.waitFor().until()).holds(answer, bindings)) {
            return false;
        }
        if (System.nanoTime() > deadline) {
            String last = json.writeValueAsString(answer);
            throw new WaitTimedOutException(stage.name(), stage.waitFor().until(), timeoutSeconds(stage, bindings),
                    last.length() > 300 ? last.substring(0, 300) + "…" : last);
        }
        return true;
    }

    /** After the poll loop: still waiting means it broke off on shutdown, and the stage must not look done. */
    public void finished(@ExchangeProperty(Keys.WAITING) Boolean waiting, @ExchangeProperty(Keys.STAGE_INDEX) int index)
            throws StoppedException {
        if (Boolean.TRUE.equals(waiting)) {
            throw new StoppedException("while waiting in stage " + plan.stage(index).name());
        }
    }

    private long timeoutSeconds(StageDefinition stage, Map<String, Object> bindings) {
        StageDefinition.Wait wait = stage.waitFor();
        Object value = plan.expression(wait.timeoutSeconds()).evaluate(null, bindings);
        if (!(value instanceof Number number) || number.doubleValue() < 0) {
            throw new IllegalArgumentException("Stage " + stage.name() + ": timeoutSeconds '"
                    + wait.timeoutSeconds() + "' must give a number of seconds, gave " + value);
        }
        return number.longValue();
    }
}
