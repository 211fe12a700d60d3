package io.splice.report;

import java.time.Instant;
import java.util.List;

/**
 * What report.json holds. Field names are a stable contract (documented in the README):
 * add fields, never rename them.
 */
public record RunReport(String runId, String tenant, String status, Instant startedAt, Instant finishedAt,
                        double durationSeconds, String error, List<EntityCounts> entities, List<FailureCount> failures) {

    /**
     * @param total    rows the extract read from the source in this run
     * @param migrated records this run sent and the target accepted
     * @param failed   records this run sent that ended FAILED
     * @param skipped  rows the ledger already had as MIGRATED, not sent again
     * @param pending  records queued by this run without an outcome yet (only if the run was interrupted)
     */
    public record EntityCounts(String name, long total, long migrated, long failed, long skipped, long pending) {
    }

    public record FailureCount(String entity, String reason, long count) {
    }

    public long failedTotal() {
        return entities.stream().mapToLong(EntityCounts::failed).sum();
    }
}
