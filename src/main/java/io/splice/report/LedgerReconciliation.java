package io.splice.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.splice.ledger.RunKind;

/** Reconciles what a run's extracts read with the tenant's records in the ledger, entity by entity. */
final class LedgerReconciliation {

    private LedgerReconciliation() {
    }

    /**
     * @param kind     RUN or REPLAY (a replay reads only FAILED records, so never the whole entity)
     * @param extracts the run's extracts (entity, finished_at: null until the extract read its last page)
     * @param statuses the tenant's records by entity and status (entity, status, records)
     */
    static List<RunReport.Reconciliation> of(String kind, List<RunReport.EntityCounts> entities,
                                             List<Map<String, Object>> extracts, List<Map<String, Object>> statuses) {
        Map<String, Map<String, Long>> ledger = new HashMap<>();
        for (Map<String, Object> row : statuses) {
            ledger.computeIfAbsent((String) row.get("entity"), e -> new HashMap<>())
                    .put((String) row.get("status"), ((Number) row.get("records")).longValue());
        }
        return entities.stream().map(entity -> {
            Map<String, Long> byStatus = ledger.getOrDefault(entity.name(), Map.of());
            long recorded = byStatus.values().stream().mapToLong(Long::longValue).sum();
            boolean readAll = !RunKind.REPLAY.equals(kind) && extracts.stream()
                    .anyMatch(e -> entity.name().equals(e.get("entity")) && e.get("finished_at") != null);
            return new RunReport.Reconciliation(entity.name(), entity.total(), byStatus.getOrDefault("MIGRATED", 0L),
                    byStatus.getOrDefault("FAILED", 0L), byStatus.getOrDefault("BLOCKED", 0L),
                    byStatus.getOrDefault("QUEUED", 0L), readAll ? entity.total() - recorded : null,
                    byStatus.getOrDefault("DISCARDED", 0L));
        }).toList();
    }
}
