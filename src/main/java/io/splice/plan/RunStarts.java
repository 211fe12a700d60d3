package io.splice.plan;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.definition.CompiledMigration;
import io.splice.definition.PlanParameters;
import io.splice.ledger.RunKind;
import io.splice.ledger.Runs;
import io.splice.ledger.Stages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a tenant's run, or resumes its unfinished one: a run whose process died (or that failed) continues at its
 * first stage without a COMPLETED or SKIPPED attempt, after the target stages before it run again (their restore
 * ran, or must run, at the end); a run another living process is running is refused.
 */
public class RunStarts {

    private static final Logger LOG = LoggerFactory.getLogger(RunStarts.class);
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final CompiledMigration migration;
    private final Plan plan;
    private final Runs runs;
    private final Stages stages;
    private final RunOwner owner;
    private final ObjectMapper json;

    private final String kind;

    /** @param kind RUN, or DRY_RUN (it only reads, maps and checks) */
    public RunStarts(CompiledMigration migration, Plan plan, Runs runs, Stages stages, RunOwner owner, ObjectMapper json,
                     String kind) {
        this.kind = kind;
        this.migration = migration;
        this.plan = plan;
        this.runs = runs;
        this.stages = stages;
        this.owner = owner;
        this.json = json;
    }

    public Started start(String tenant, Map<String, String> given) throws Exception {
        Optional<Runs.UnfinishedRun> unfinished = runs.unfinished(migration.name(), tenant);
        if (unfinished.isPresent()) {
            return resume(tenant, unfinished.get(), given);
        }
        String runId = LocalDateTime.now().format(RUN_ID_TIME) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> parameters = PlanParameters.resolve(plan.definition(), given);
        runs.start(runId, tenant, migration.name(), kind, owner.self(), json.writeValueAsString(parameters));
        LOG.info("{} {} of migration {} started for tenant {} with {}", RunKind.label(kind), runId, migration.name(),
                tenant, parameters);
        return new Started(runId, parameters, new SavedValues(), 0, List.of());
    }

    private Started resume(String tenant, Runs.UnfinishedRun run, Map<String, String> given) throws Exception {
        if ("RUNNING".equals(run.status()) && owner.alive(run.owner(), run.heartbeatAt(), Instant.now())) {
            throw new RunInProgressException(run.runId(), tenant, run.owner());
        }
        Map<String, String> merged = new LinkedHashMap<>();
        if (run.parameters() != null) {
            json.readValue(run.parameters(), JSON_OBJECT).forEach((k, v) -> merged.put(k, v == null ? null : String.valueOf(v)));
        }
        merged.putAll(given);
        merged.values().removeIf(v -> v == null);
        Map<String, Object> parameters = PlanParameters.resolve(plan.definition(), merged);
        int interrupted = stages.interrupt(run.runId());
        runs.claim(run.runId(), owner.self(), json.writeValueAsString(parameters));
        List<Stages.StageExecution> history = stages.history(run.runId());
        int resumeAt = firstUnfinished(history);
        List<Integer> rePrepare = new ArrayList<>();
        Set<String> completed = completedStages(history);
        for (int index : plan.targetStagesBefore(resumeAt)) {
            if (completed.contains(plan.stage(index).name())) {
                rePrepare.add(index);
            }
        }
        LOG.warn("Resuming run {} of tenant {} (was {}{}) at stage {}", run.runId(), tenant, run.status(),
                interrupted > 0 ? ", " + interrupted + " stage(s) interrupted" : "",
                resumeAt < plan.stages().size() ? plan.stage(resumeAt).name() : "(end)");
        return new Started(run.runId(), parameters, savedValues(run.saved()), resumeAt, rePrepare);
    }

    private int firstUnfinished(List<Stages.StageExecution> history) {
        Map<String, String> latest = new LinkedHashMap<>();
        history.forEach(execution -> latest.put(execution.stage(), execution.status()));
        for (int i = 0; i < plan.stages().size(); i++) {
            String status = latest.get(plan.stage(i).name());
            if (!"COMPLETED".equals(status) && !"SKIPPED".equals(status)) {
                return i;
            }
        }
        return plan.stages().size();
    }

    private Set<String> completedStages(List<Stages.StageExecution> history) {
        Set<String> completed = new LinkedHashSet<>();
        history.stream().filter(e -> "COMPLETED".equals(e.status())).forEach(e -> completed.add(e.stage()));
        return completed;
    }

    @SuppressWarnings("unchecked")
    private SavedValues savedValues(String saved) throws Exception {
        if (saved == null) {
            return new SavedValues();
        }
        Map<String, Object> stored = json.readValue(saved, JSON_OBJECT);
        return new SavedValues((Map<String, Object>) stored.getOrDefault("values", Map.of()),
                new LinkedHashSet<>((List<String>) stored.getOrDefault("restored", List.of())));
    }

    /** Where a run (re)starts. */
    public record Started(String runId, Map<String, Object> parameters, SavedValues saved, int resumeAt,
                          List<Integer> rePrepare) {
    }
}
