package io.splice.plan;

import java.util.ArrayDeque;
import java.util.Deque;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan's steps that touch the ledger: a tenant's run starts or resumes (from its first unfinished stage, after
 * preparing the target again), each stage is entered and left (or fails), and choices skip ahead.
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
    @SuppressWarnings("unchecked")
    public void start(Exchange exchange) throws Exception {
        String tenant = migration.tenant(exchange.getMessage().getHeader(Keys.TENANT_HEADER, String.class)).name();
        Map<String, String> given = exchange.getMessage().getHeader(Keys.PARAMETERS_HEADER, Map.class);
        RunStarts.Started started = starts.start(tenant, given == null ? Map.of() : given);
        exchange.setProperty(Keys.RUN_ID, started.runId());
        exchange.setProperty(Keys.TENANT, tenant);
        exchange.setProperty(Keys.PLAN_PARAMS, started.parameters());
        exchange.setProperty(Keys.PLAN_SAVED, started.saved());
        exchange.setProperty(Keys.PLAN_CURSOR, started.resumeAt());
        exchange.setProperty(Keys.PLAN_REPREPARE, new ArrayDeque<>(started.rePrepare()));
        updateHasNext(exchange);
    }

    public void enterStage(Exchange exchange) {
        Deque<Integer> rePrepare = rePrepare(exchange);
        boolean rePreparing = !rePrepare.isEmpty();
        int index = rePreparing ? rePrepare.poll() : exchange.getProperty(Keys.PLAN_CURSOR, Integer.class);
        StageDefinition stage = plan.stage(index);
        exchange.setProperty(Keys.STAGE_INDEX, index);
        exchange.setProperty(Keys.STAGE, stage.name());
        exchange.setProperty(Keys.STAGE_REPREPARING, rePreparing);
        if (dryRun && TARGET_KINDS.contains(stage.kind())) {
            // recorded SKIPPED, so leaveStage's COMPLETED (which only finishes RUNNING attempts) leaves it so
            exchange.setProperty(Keys.STAGE_KIND, SKIPPED_KIND);
            stages.start(runId(exchange), stage.name(), stage.kind(), "SKIPPED", owner.self());
            LOG.info("Run {} ({}): stage {} ({}) skipped: a dry run does not call the target", runId(exchange),
                    exchange.getProperty(Keys.TENANT), stage.name(), stage.kind());
            return;
        }
        exchange.setProperty(Keys.STAGE_KIND, stage.kind());
        stages.start(runId(exchange), stage.name(), stage.kind(), "RUNNING", owner.self());
        LOG.info("Run {} ({}): stage {} ({}){}", runId(exchange), exchange.getProperty(Keys.TENANT), stage.name(),
                stage.kind(), rePreparing ? ", preparing the target again before resuming" : "");
    }

    public void leaveStage(Exchange exchange) {
        String runId = runId(exchange);
        int index = exchange.getProperty(Keys.STAGE_INDEX, Integer.class);
        stages.finish(runId, plan.stage(index).name(), "COMPLETED", null);
        if (!exchange.getProperty(Keys.STAGE_REPREPARING, false, Boolean.class)) {
            Integer jump = exchange.getProperty(Keys.PLAN_GOTO, Integer.class);
            exchange.removeProperty(Keys.PLAN_GOTO);
            int next = jump == null ? index + 1 : jump;
            for (int skipped = index + 1; skipped < next; skipped++) {
                StageDefinition stage = plan.stage(skipped);
                stages.start(runId, stage.name(), stage.kind(), "SKIPPED", owner.self());
            }
            exchange.setProperty(Keys.PLAN_CURSOR, next);
        }
        updateHasNext(exchange);
    }

    /** After the stage loop: stages left means it broke off on shutdown, and the run must not look complete. */
    public void finished(Exchange exchange) throws StoppedException {
        if (exchange.getProperty(Keys.PLAN_HAS_NEXT, false, Boolean.class)) {
            throw new StoppedException("before the plan's last stage");
        }
    }

    /** Records the failed stage with the error's own words; the run then ends FAILED (after the restore). */
    public void stageFailed(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String stage = exchange.getProperty(Keys.STAGE, String.class);
        exchange.setProperty(Keys.RUN_ERROR, Failures.describe(error));
        if (stage != null) {
            stages.finish(runId(exchange), stage, "FAILED", Failures.describe(error));
        }
        LOG.error("Run {} ({}): stage {} failed: {}", runId(exchange), exchange.getProperty(Keys.TENANT), stage,
                Failures.describe(error));
    }

    /** configure: every requirement over $params must hold. */
    public void configure(Exchange exchange) throws StageRequirementException {
        StageDefinition stage = currentStage(exchange);
        for (StageDefinition.Requirement requirement : stage.configure().require()) {
            if (!plan.expression(requirement.when()).holds(null, bindings(exchange))) {
                throw new StageRequirementException(stage.name(), requirement.message());
            }
        }
    }

    /** choice: when the condition holds, the run continues at the stage named by goto. */
    public void choose(Exchange exchange) {
        StageDefinition stage = currentStage(exchange);
        if (plan.expression(stage.choice().when()).holds(null, bindings(exchange))) {
            exchange.setProperty(Keys.PLAN_GOTO, plan.position(stage.choice().target()));
            LOG.info("Run {}: {} holds, continuing at stage {}", runId(exchange), stage.choice().when(), stage.choice().target());
        }
    }

    /** target: the calls that prepare the target. */
    public List<StageDefinition.TargetCall> targetCalls(Exchange exchange) {
        return currentStage(exchange).target().calls();
    }

    /** migrate: the stage's entities, level by level. */
    public List<List<String>> levels(Exchange exchange) {
        return plan.levels(currentStage(exchange));
    }

    /** The $ bindings of plan expressions: $params, $saved, $tenant, $variables. */
    public Map<String, Object> bindings(Exchange exchange) {
        Map<String, Object> bindings = new HashMap<>();
        bindings.put("params", exchange.getProperty(Keys.PLAN_PARAMS, Map.class));
        bindings.put("saved", saved(exchange).values());
        String tenant = exchange.getProperty(Keys.TENANT, String.class);
        bindings.put("tenant", tenant);
        bindings.put("variables", migration.tenant(tenant).variables());
        return bindings;
    }

    public StageDefinition currentStage(Exchange exchange) {
        return plan.stage(exchange.getProperty(Keys.STAGE_INDEX, Integer.class));
    }

    /** Keeps this process's runs visibly alive for other processes. */
    public void heartbeat() {
        runs.heartbeat(owner.self());
    }

    static SavedValues saved(Exchange exchange) {
        return exchange.getProperty(Keys.PLAN_SAVED, SavedValues.class);
    }

    @SuppressWarnings("unchecked")
    private static Deque<Integer> rePrepare(Exchange exchange) {
        return exchange.getProperty(Keys.PLAN_REPREPARE, Deque.class);
    }

    private void updateHasNext(Exchange exchange) {
        exchange.setProperty(Keys.PLAN_HAS_NEXT, !rePrepare(exchange).isEmpty()
                || exchange.getProperty(Keys.PLAN_CURSOR, Integer.class) < plan.stages().size());
    }

    private static String runId(Exchange exchange) {
        return exchange.getProperty(Keys.RUN_ID, String.class);
    }
}
