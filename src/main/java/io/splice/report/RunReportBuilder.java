package io.splice.report;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.splice.ledger.Ledger;
import io.splice.ledger.Runs;
import io.splice.ledger.Stages;
import io.splice.plan.Plan;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Assembles a run's report from the ledger: the run, what each extract read, and every outcome. */
public class RunReportBuilder {

    private static final String MIGRATED = "MIGRATED";
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Ledger ledger;
    private final Runs runs;
    private final Stages stages;
    private final Plan plan;
    private final ObjectMapper json = new ObjectMapper();

    public RunReportBuilder(Ledger ledger, Runs runs, Stages stages, Plan plan) {
        this.ledger = ledger;
        this.runs = runs;
        this.stages = stages;
        this.plan = plan;
    }

    public RunReport build(String runId) {
        Map<String, Object> run = runs.run(runId);
        Instant started = instant(run.get("started_at"));
        Instant finished = instant(run.get("finished_at"));
        double seconds = finished == null ? 0 : Duration.between(started, finished).toMillis() / 1000.0;
        String tenant = (String) run.get("tenant");
        String status = (String) run.get("status");
        String kind = (String) run.get("kind");
        List<Map<String, Object>> extracts = runs.entities(runId);
        List<RunReport.EntityCounts> entities = entityCounts(runId, extracts);
        return new RunReport(runId, (String) run.get("migration"), kind, tenant, status, started,
                finished, seconds, (String) run.get("error"), parameters((String) run.get("parameters")),
                entities, failures(runId), List.of(new RunReport.TenantReport(tenant, status, stages(runId))),
                LedgerReconciliation.of(kind, entities, extracts, ledger.statusesByEntity(tenant)), List.of());
    }

    /** Each attempt with its own outcomes: those recorded from its start to the next attempt's start. */
    private List<RunReport.StageReport> stages(String runId) {
        List<Stages.StageExecution> history = stages.history(runId);
        List<RunReport.StageReport> reports = new ArrayList<>();
        for (Stages.StageExecution execution : history) {
            Map<String, Long> counts = new HashMap<>();
            if ("migrate".equals(execution.kind())) {
                Instant from = execution.attempt() == 1 ? null : execution.startedAt();
                Instant to = history.stream().filter(next -> next.stage().equals(execution.stage())
                        && next.attempt() == execution.attempt() + 1).map(Stages.StageExecution::startedAt)
                        .findFirst().orElse(null);
                List<String> entities = plan.entitiesOf(plan.stage(plan.position(execution.stage())));
                for (Map<String, Object> row : stages.outcomesBetween(runId, entities, from, to)) {
                    counts.merge((String) row.get("status"), number(row.get("records")), Long::sum);
                }
            }
            reports.add(new RunReport.StageReport(execution.stage(), execution.kind(), execution.attempt(),
                    execution.status(), execution.startedAt(), execution.finishedAt(), counts.getOrDefault(MIGRATED, 0L),
                    counts.getOrDefault("FAILED", 0L), counts.getOrDefault("BLOCKED", 0L), execution.error(),
                    counts.getOrDefault("DISCARDED", 0L)));
        }
        return reports;
    }

    private Map<String, Object> parameters(String stored) {
        try {
            return stored == null ? Map.of() : json.readValue(stored, JSON_OBJECT);
        } catch (Exception e) {
            return Map.of("unreadable", stored);
        }
    }

    private List<RunReport.EntityCounts> entityCounts(String runId, List<Map<String, Object>> read) {
        Map<String, Map<String, Long>> outcomes = new HashMap<>();
        for (Map<String, Object> row : ledger.outcomesByEntity(runId)) {
            outcomes.computeIfAbsent((String) row.get("entity"), e -> new HashMap<>())
                    .put((String) row.get("status"), number(row.get("records")));
        }
        Map<String, Long> inDoubt = ledger.inDoubtByEntity(runId);
        List<RunReport.EntityCounts> counts = new ArrayList<>();
        for (Map<String, Object> extract : read) {
            String entity = (String) extract.get("entity");
            counts.add(counts(entity, outcomes.getOrDefault(entity, Map.of()), number(extract.get("read_count")),
                    number(extract.get("skipped_count")), inDoubt.getOrDefault(entity, 0L)));
        }
        // records a run did not read itself but took from the ledger: children released by a parent it migrated
        outcomes.keySet().stream().sorted()
                .filter(entity -> read.stream().noneMatch(e -> entity.equals(e.get("entity"))))
                .forEach(entity -> {
                    Map<String, Long> byStatus = outcomes.get(entity);
                    counts.add(counts(entity, byStatus, byStatus.values().stream().mapToLong(Long::longValue).sum(), 0,
                            inDoubt.getOrDefault(entity, 0L)));
                });
        return counts;
    }

    /**
     * The extract counted as skipped every row it found MIGRATED, also those this run had migrated itself before (in
     * an interrupted attempt, or children a parent released into it): those count as migrated, not also as skipped.
     * They are the run's records beyond those the extract queued or blocked ({@code read - skipped}).
     */
    private static RunReport.EntityCounts counts(String entity, Map<String, Long> byStatus, long read, long skipped,
                                                 long inDoubt) {
        long ofRun = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long migratedBefore = Math.max(0, Math.min(skipped, ofRun - (read - skipped)));
        return new RunReport.EntityCounts(entity, read, byStatus.getOrDefault(MIGRATED, 0L),
                byStatus.getOrDefault("FAILED", 0L), byStatus.getOrDefault("BLOCKED", 0L), skipped - migratedBefore,
                byStatus.getOrDefault("QUEUED", 0L), byStatus.getOrDefault("DISCARDED", 0L), inDoubt);
    }

    private List<RunReport.FailureCount> failures(String runId) {
        return runs.notMigratedByReason(runId).stream()
                .map(row -> new RunReport.FailureCount((String) row.get("entity"), (String) row.get("status"),
                        (String) row.get("reason"), number(row.get("records"))))
                .toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }
}
