package io.splice.report;

import java.time.Instant;
import java.util.List;

/**
 * The whole of one `run` over several tenants (runs/&lt;first run id&gt;-all/report.json): each tenant's run with its
 * stages, and the totals. Field names are a stable contract, like report.json's.
 */
public record CombinedReport(String migration, String status, Instant startedAt, Instant finishedAt,
                             long migrated, long failed, long blocked, List<String> runIds,
                             List<RunReport.TenantReport> tenants, long discarded, long notMigrated, long inDoubt) {

    public static CombinedReport of(List<CompletedRun> runs) {
        List<RunReport> reports = runs.stream().map(CompletedRun::report).toList();
        boolean completed = runs.stream().allMatch(CompletedRun::completed);
        return new CombinedReport(reports.isEmpty() ? null : reports.get(0).migration(),
                completed ? "COMPLETED" : "FAILED",
                reports.stream().map(RunReport::startedAt).min(Instant::compareTo).orElse(null),
                reports.stream().map(RunReport::finishedAt).filter(t -> t != null).max(Instant::compareTo).orElse(null),
                reports.stream().mapToLong(RunReport::migratedTotal).sum(),
                reports.stream().mapToLong(RunReport::failedTotal).sum(),
                reports.stream().mapToLong(RunReport::blockedTotal).sum(),
                reports.stream().map(RunReport::runId).toList(),
                reports.stream().flatMap(r -> r.tenants().stream()).toList(),
                reports.stream().mapToLong(RunReport::discardedTotal).sum(),
                reports.stream().mapToLong(RunReport::notMigratedTotal).sum(),
                reports.stream().mapToLong(RunReport::inDoubtTotal).sum());
    }
}
