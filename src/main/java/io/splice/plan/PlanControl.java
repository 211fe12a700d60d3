package io.splice.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.splice.definition.CompiledMigration;
import io.splice.definition.StageDefinition;
import io.splice.ledger.Runs;
import io.splice.ledger.Stages;
import io.splice.pipeline.StoppedException;
import io.splice.record.Keys;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan's steps that touch the ledger: a tenant's run starts or resumes (from its first unfinished stage, after
 * preparing the target again), each stage is entered and left (or fails), and choices skip ahead. Each method takes
 * what it reads as bound parameters and returns what the route sets under its property (routes/run.camel.yaml).
 */
public class PlanControl {

    private static final Logger LOG = LoggerFactory.getLogger(PlanControl.class);
    /** The stage kinds that call the target; a dry run skips them (route stage-skipped). */
    private static final Set<String> TARGET_KINDS = Set.of("target", "wait");
    private static final String SKIPPED_KIND = "skipped";

    private final CompiledMigration migration;
    private final Plan plan;
    private final Runs runs;
    private final Stages stages;
    private final RunOwner owner;
    private final RunStarts starts;
    private final boolean dryRun;

    /** @param dryRun stages that change the target (target, wait) are skipped, and recorded SKIPPED */
    public PlanControl(CompiledMigration migration, Plan plan, Runs runs, Stages stages, RunOwner owner, RunStarts starts,
                       boolean dryRun) {
        this.dryRun = dryRun;
        this.migration = migration;
        this.plan = plan;
        this.runs = runs;
        this.stages = stages;
        this.owner = owner;
        this.starts = starts;
    }

    /** A new run for the tenant in the spliceTenant header, or its unfinished one, resumed. */
    public void start(@Header(Keys.TENANT_HEADER) String named, @Header(Keys.PARAMETERS_HEADER) Map<String, String> given,
                      Exchange exchange) throws Exception {
        // Exchange: five outputs (run id, tenant, parameters, saved values, cursor) that every later step reads
        String tenant = migration.tenant(named).name();
        RunStarts.Started started = starts.start(tenant, given == null ? Map.of() : given);
        exchange.setProperty(Keys.RUN_ID, started.runId());
        exchange.setProperty(Keys.TENANT, tenant);
        exchange.setProperty(Keys.PLAN_PARAMS, started.parameters());
        exchange.setProperty(Keys.PLAN_SAVED, started.saved());
        exchange.setProperty(Keys.PLAN_CURSOR, new PlanCursor(started.resumeAt(), started.rePrepare()));
    }

    /** Whether the run has a stage left (splicePlanHasNext, the stage loop's condition). */
    public boolean hasNext(@ExchangeProperty(Keys.PLAN_CURSOR) PlanCursor cursor) {
        return cursor.hasNext(plan.stages().size());
    }

    /** The position of the stage to enter (spliceStageIndex). */
    public int stageIndex(@ExchangeProperty(Keys.PLAN_CURSOR) PlanCursor cursor) {
        return cursor.stage();
    }

    /** The name of the stage at a position (spliceStage). */
    public String stageName(@ExchangeProperty(Keys.STAGE_INDEX) int index) {
        return plan.stage(index).name();
    }

    /** Records the stage RUNNING, or SKIPPED in a dry run; gives the kind to run it as (spliceStageKind). */
    public String enterStage(@ExchangeProperty(Keys.RUN_ID) String runId, @ExchangeProperty(Keys.TENANT) String tenant,
                             @ExchangeProperty(Keys.STAGE_INDEX) int index,
                             @ExchangeProperty(Keys.PLAN_CURSOR) PlanCursor cursor) {
        StageDefinition stage = plan.stage(index);
        if (dryRun && TARGET_KINDS.contains(stage.kind())) {
            // recorded SKIPPED, so leaveStage's COMPLETED (which only finishes RUNNING attempts) leaves it so
            stages.start(runId, stage.name(), stage.kind(), "SKIPPED", owner.self());
            LOG.info("Run {} ({}): stage {} ({}) skipped: a dry run does not call the target", runId, tenant,
                    stage.name(), stage.kind());
            return SKIPPED_KIND;
        }
        stages.start(runId, stage.name(), stage.kind(), "RUNNING", owner.self());
        LOG.info("Run {} ({}): stage {} ({}){}", runId, tenant, stage.name(), stage.kind(),
                cursor.rePreparing() ? ", preparing the target again before resuming" : "");
        return stage.kind();
    }

    /**
     * Records the stage COMPLETED and the stages a choice jumped over SKIPPED; gives the cursor past it
     * (splicePlanCursor).
     */
    public PlanCursor leaveStage(@ExchangeProperty(Keys.RUN_ID) String runId, @ExchangeProperty(Keys.STAGE_INDEX) int index,
                                 @ExchangeProperty(Keys.PLAN_CURSOR) PlanCursor cursor,
                                 @ExchangeProperty(Keys.PLAN_GOTO) Integer jump) {
        stages.finish(runId, plan.stage(index).name(), "COMPLETED", null);
        PlanCursor after = cursor.after(jump);
        if (!cursor.rePreparing()) {
            for (int skipped = index + 1; skipped < after.next(); skipped++) {
                StageDefinition stage = plan.stage(skipped);
                stages.start(runId, stage.name(), stage.kind(), "SKIPPED", owner.self());
            }
        }
        return after;
    }

    /** After the stage loop: stages left means it broke off on shutdown, and the run must not look complete. */
    public void finished(@ExchangeProperty(Keys.PLAN_HAS_NEXT) Boolean hasNext) throws StoppedException {
        if (Boolean.TRUE.equals(hasNext)) {
            throw new StoppedException("before the plan's last stage");
        }
    }

    /**
     * Records the failed stage with the error's own words; gives them (spliceRunError): the run then ends FAILED
     * (after the restore).
     */
    public String stageFailed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable error,
                              @ExchangeProperty(Keys.STAGE) String stage, @ExchangeProperty(Keys.RUN_ID) String runId,
                              @ExchangeProperty(Keys.TENANT) String tenant) {
        String described = Failures.describe(error);
        if (stage != null) {
            stages.finish(runId, stage, "FAILED", described);
        }
        LOG.error("Run {} ({}): stage {} failed: {}", runId, tenant, stage, described);
        return described;
    }

    /** configure: every requirement over $params must hold. */
    public void configure(@ExchangeProperty(Keys.STAGE_INDEX) int index,
                          @ExchangeProperty(Keys.PLAN_PARAMS) Map<String, Object> params,
                          @ExchangeProperty(Keys.PLAN_SAVED) SavedValues saved,
                          @ExchangeProperty(Keys.TENANT) String tenant) throws StageRequirementException {
        StageDefinition stage = plan.stage(index);
        for (StageDefinition.Requirement requirement : stage.configure().require()) {
            if (!plan.expression(requirement.when()).holds(null, bindings(params, saved, tenant))) {
                throw new StageRequirementException(stage.name(), requirement.message());
            }
        }
    }

    /** choice: the position of the stage named by goto when the condition holds, else null (splicePlanGoto). */
    public Integer choose(@ExchangeProperty(Keys.STAGE_INDEX) int index, @ExchangeProperty(Keys.RUN_ID) String runId,
                          @ExchangeProperty(Keys.PLAN_PARAMS) Map<String, Object> params,
                          @ExchangeProperty(Keys.PLAN_SAVED) SavedValues saved,
                          @ExchangeProperty(Keys.TENANT) String tenant) {
        StageDefinition.Choice choice = plan.stage(index).choice();
        if (!plan.expression(choice.when()).holds(null, bindings(params, saved, tenant))) {
            return null;
        }
        LOG.info("Run {}: {} holds, continuing at stage {}", runId, choice.when(), choice.target());
        return plan.position(choice.target());
    }

    /** target: the calls that prepare the target. */
    public List<StageDefinition.TargetCall> targetCalls(@ExchangeProperty(Keys.STAGE_INDEX) int index) {
        return plan.stage(index).target().calls();
    }

    /** migrate: the stage's entities, level by level. */
    public List<List<String>> levels(@ExchangeProperty(Keys.STAGE_INDEX) int index) {
        return plan.levels(plan.stage(index));
    }

    /** The $ bindings of plan expressions: $params, $saved, $tenant, $variables. */
    public Map<String, Object> bindings(Map<String, Object> params, SavedValues saved, String tenant) {
        Map<String, Object> bindings = new HashMap<>();
        bindings.put("params", params);
        bindings.put("saved", saved.values());
        bindings.put("tenant", tenant);
        bindings.put("variables", migration.tenant(tenant).variables());
        return bindings;
    }

    /** Keeps this process's runs visibly alive for other processes. */
    public void heartbeat() {
        runs.heartbeat(owner.self());
    }
}
