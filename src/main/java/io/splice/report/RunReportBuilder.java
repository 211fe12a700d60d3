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

    private List<RunReport.StageReport> stages(String runId) {
        List<RunReport.StageReport> reports = new ArrayList<>();
        for (Stages.StageExecution execution : stages.history(runId)) {
            long[] counts = new long[3];
            if ("migrate".equals(execution.kind())) {
                List<String> entities = plan.entitiesOf(plan.stage(plan.position(execution.stage())));
                for (Map<String, Object> row : stages.outcomes(runId, entities)) {
                    long records = ((Number) row.get("records")).longValue();
                    switch ((String) row.get("status")) {
                        case "MIGRATED" -> counts[0] += records;
                        case "FAILED" -> counts[1] += records;
                        case "BLOCKED" -> counts[2] += records;
                        default -> { }
                    }
                }
            }
            reports.add(new RunReport.StageReport(execution.stage(), execution.kind(), execution.attempt(),
                    execution.status(), execution.startedAt(), execution.finishedAt(), counts[0], counts[1], counts[2],
                    execution.error()));
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
                    .put((String) row.get("status"), ((Number) row.get("records")).longValue());
        }
        List<RunReport.EntityCounts> counts = new ArrayList<>();
        List<Map<String, Object>> extracts = new ArrayList<>(read);
        // records a run did not read itself but migrated: children released by a replayed parent
        outcomes.keySet().stream().sorted()
                .filter(entity -> extracts.stream().noneMatch(e -> entity.equals(e.get("entity"))))
                .forEach(entity -> extracts.add(Map.of("entity", entity)));
        for (Map<String, Object> extract : extracts) {
            String entity = (String) extract.get("entity");
            Map<String, Long> byStatus = outcomes.getOrDefault(entity, Map.of());
            counts.add(new RunReport.EntityCounts(entity, number(extract.get("read_count")),
                    byStatus.getOrDefault("MIGRATED", 0L), byStatus.getOrDefault("FAILED", 0L),
                    byStatus.getOrDefault("BLOCKED", 0L), number(extract.get("skipped_count")), byStatus.getOrDefault("QUEUED", 0L)));
        }
        return counts;
    }

    private List<RunReport.FailureCount> failures(String runId) {
        return ledger.failuresByReason(runId).stream()
                .map(row -> new RunReport.FailureCount((String) row.get("entity"), (String) row.get("status"),
                        (String) row.get("reason"),
                        number(row.get("records"))))
                .toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }
}
