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

/** Assembles a run's report from the ledger: the run, what each extract read, and every outcome. */
public class RunReportBuilder {

    private final Ledger ledger;
    private final Runs runs;

    public RunReportBuilder(Ledger ledger, Runs runs) {
        this.ledger = ledger;
        this.runs = runs;
    }

    public RunReport build(String runId) {
        Map<String, Object> run = runs.run(runId);
        Instant started = instant(run.get("started_at"));
        Instant finished = instant(run.get("finished_at"));
        double seconds = finished == null ? 0 : Duration.between(started, finished).toMillis() / 1000.0;
        return new RunReport(runId, (String) run.get("migration"), (String) run.get("kind"), (String) run.get("tenant"), (String) run.get("status"), started, finished,
                seconds, (String) run.get("error"), entityCounts(runId), failures(runId));
    }

    private List<RunReport.EntityCounts> entityCounts(String runId) {
        Map<String, Map<String, Long>> outcomes = new HashMap<>();
        for (Map<String, Object> row : ledger.outcomesByEntity(runId)) {
            outcomes.computeIfAbsent((String) row.get("entity"), e -> new HashMap<>())
                    .put((String) row.get("status"), ((Number) row.get("records")).longValue());
        }
        List<RunReport.EntityCounts> counts = new ArrayList<>();
        List<Map<String, Object>> extracts = new ArrayList<>(runs.entities(runId));
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
