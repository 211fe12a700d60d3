package io.splice.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.splice.definition.StageDefinition.TargetCall;
import io.splice.definition.StageDefinition;
import io.splice.ledger.Stages;
import io.splice.record.Keys;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of every run, failed or not: each target stage that ran since its last restore is restored (its restore
 * calls, recorded as stage "&lt;name&gt;:restore"). A failed restore fails the run but does not stop the others.
 */
public class Restores {

    private static final Logger LOG = LoggerFactory.getLogger(Restores.class);
    private static final String SUFFIX = ":restore";

    private final Plan plan;
    private final Stages stages;
    private final RunOwner owner;
    private final TargetCalls calls;

    public Restores(Plan plan, Stages stages, RunOwner owner, TargetCalls calls) {
        this.plan = plan;
        this.stages = stages;
        this.owner = owner;
        this.calls = calls;
    }

    /** Names of the target stages to restore, in plan order. */
    public List<String> due(Exchange exchange) {
        String runId = exchange.getProperty(Keys.RUN_ID, String.class);
        if (runId == null) {
            return List.of();
        }
        Map<String, Instant> ran = new HashMap<>();
        Map<String, Instant> restored = new HashMap<>();
        for (Stages.StageExecution execution : stages.history(runId)) {
            if (execution.stage().endsWith(SUFFIX)) {
                if ("COMPLETED".equals(execution.status())) {
                    restored.merge(execution.stage(), execution.startedAt(), Restores::later);
                }
            } else if (!"SKIPPED".equals(execution.status())) {
                // a skipped stage (a choice, a dry run) called nothing: there is nothing to restore
                ran.merge(execution.stage(), execution.startedAt(), Restores::later);
            }
        }
        List<String> due = new ArrayList<>();
        for (StageDefinition stage : plan.stages()) {
            Instant lastRun = ran.get(stage.name());
            if (stage.target() == null || stage.target().restore().isEmpty() || lastRun == null) {
                continue;
            }
            // ran (in whatever state) and no restore completed since its latest attempt
            Instant lastRestore = restored.get(stage.name() + SUFFIX);
            if (lastRestore == null || lastRestore.isBefore(lastRun)) {
                due.add(stage.name());
            }
        }
        return due;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    public void begin(Exchange exchange) {
        String stage = exchange.getMessage().getBody(String.class);
        exchange.setProperty(Keys.STAGE, stage + SUFFIX);
        exchange.setProperty(TargetCalls.RESTORING, true);
        exchange.setProperty(Keys.STAGE_INDEX, plan.position(stage));
        stages.start(exchange.getProperty(Keys.RUN_ID, String.class), stage + SUFFIX, "restore", "RUNNING", owner.self());
        LOG.info("Run {} ({}): restoring the target for stage {}", exchange.getProperty(Keys.RUN_ID),
                exchange.getProperty(Keys.TENANT), stage);
    }

    public List<TargetCall> calls(Exchange exchange) {
        return plan.stage(exchange.getProperty(Keys.STAGE_INDEX, Integer.class)).target().restore();
    }

    public void completed(Exchange exchange) throws Exception {
        StageDefinition stage = plan.stage(exchange.getProperty(Keys.STAGE_INDEX, Integer.class));
        stages.finish(exchange.getProperty(Keys.RUN_ID, String.class), stage.name() + SUFFIX, "COMPLETED", null);
        SavedValues saved = PlanControl.saved(exchange);
        saved.markRestored(stage.target().calls().stream().filter(TargetCall::saves).map(TargetCall::name).toList());
        calls.persist(exchange, saved);
    }

    public void failed(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String stage = exchange.getProperty(Keys.STAGE, String.class);
        String message = "restore " + stage + " failed: " + Failures.describe(error);
        stages.finish(exchange.getProperty(Keys.RUN_ID, String.class), stage, "FAILED", message);
        exchange.setProperty(Keys.RESTORE_ERROR, message);
        LOG.error("Run {}: {}", exchange.getProperty(Keys.RUN_ID), message);
    }
}
