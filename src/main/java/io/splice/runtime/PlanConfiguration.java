package io.splice.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.definition.CompiledMigration;
import io.splice.ledger.RunKind;
import io.splice.plan.Plan;
import io.splice.plan.PlanControl;
import io.splice.plan.Restores;
import io.splice.plan.RunOwner;
import io.splice.plan.RunStarts;
import io.splice.plan.TargetCalls;
import io.splice.plan.Waits;

/**
 * The plan a run goes through: who owns the runs, the stages' control, run starts and resumes, the plan's calls to
 * the target, restores and waits, and the threads tenants run on. Binds planControl, targetCalls, restores, waits
 * and tenantRunners.
 */
final class PlanConfiguration {

    private PlanConfiguration() {
    }

    /** This process, as the owner of the runs it starts; another host's run counts as dead once stale. */
    static RunOwner owner(Composition c) {
        return new RunOwner(c.settings().run().staleAfter());
    }

    static void bind(Composition c, MigrationConfiguration.Sources sources, LedgerConfiguration.Stores ledger,
                     RunOwner owner, ObjectMapper json) {
        boolean dryRun = c.settings().dryRun();
        CompiledMigration migration = sources.migration();
        Plan plan = sources.plan();
        PlanControl planControl = c.bind("planControl", new PlanControl(migration, plan, ledger.runs(), ledger.stages(),
                owner, new RunStarts(migration, plan, ledger.runs(), ledger.stages(), owner, json,
                        dryRun ? RunKind.DRY_RUN : RunKind.RUN), dryRun));
        TargetCalls targetCalls = c.bind("targetCalls", new TargetCalls(plan, planControl, ledger.runs(), json));
        c.bind("restores", new Restores(plan, ledger.stages(), owner, targetCalls));
        c.bind("waits", new Waits(plan, planControl, json));
    }

    /** splice.run.parallel-tenants side by side; the pool is Camel's, named in JMX after {@code source}. */
    static void tenantRunners(Composition c, Object source) {
        c.bind("tenantRunners", c.context().getExecutorServiceManager().newFixedThreadPool(source, "tenant-runs",
                c.settings().run().parallelTenants()));
    }
}
