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
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
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
    public List<String> due(@ExchangeProperty(Keys.RUN_ID) String runId) {
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

    /** The position of the target stage to restore (spliceStageIndex). */
    public int position(@Body String stage) {
        return plan.position(stage);
    }

    /** Records the restore RUNNING; gives its stage name, "&lt;stage&gt;:restore" (spliceStage). */
    public String begin(@Body String stage, @ExchangeProperty(Keys.RUN_ID) String runId,
                        @ExchangeProperty(Keys.TENANT) String tenant) {
        stages.start(runId, stage + SUFFIX, "restore", "RUNNING", owner.self());
        LOG.info("Run {} ({}): restoring the target for stage {}", runId, tenant, stage);
        return stage + SUFFIX;
    }

    public List<TargetCall> calls(@ExchangeProperty(Keys.STAGE_INDEX) int index) {
        return plan.stage(index).target().restore();
    }

    /** Records the restore COMPLETED; the values its stage saved are restored (a resumed run saves them again). */
    public void completed(@ExchangeProperty(Keys.STAGE_INDEX) int index, @ExchangeProperty(Keys.RUN_ID) String runId,
                          @ExchangeProperty(Keys.PLAN_SAVED) SavedValues saved) throws Exception {
        StageDefinition stage = plan.stage(index);
        stages.finish(runId, stage.name() + SUFFIX, "COMPLETED", null);
        saved.markRestored(stage.target().calls().stream().filter(TargetCall::saves).map(TargetCall::name).toList());
        calls.persist(runId, saved);
    }

    /** Records the restore FAILED; gives why (spliceRestoreError), which fails the run. */
    public String failed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable error,
                         @ExchangeProperty(Keys.STAGE) String stage, @ExchangeProperty(Keys.RUN_ID) String runId) {
        String message = "restore " + stage + " failed: " + Failures.describe(error);
        stages.finish(runId, stage, "FAILED", message);
        LOG.error("Run {}: {}", runId, message);
        return message;
    }
}
