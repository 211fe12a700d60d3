package io.splice.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.splice.ledger.RunKind;

/**
 * What report.json holds. Field names are a stable contract (documented in the README):
 * add fields, never rename them.
 */
public record RunReport(String runId, String migration, String kind, String tenant, String status, Instant startedAt,
                        Instant finishedAt, double durationSeconds, String error, Map<String, Object> parameters,
                        List<EntityCounts> entities, List<FailureCount> failures, List<TenantReport> tenants,
                        List<Reconciliation> reconciliation, List<ReadBack> readBack) {

    public RunReport {
        readBack = readBack == null ? List.of() : List.copyOf(readBack);
    }

    /** This report with the reconciliation's read-back from the target. */
    public RunReport withReadBack(List<ReadBack> checked) {
        return new RunReport(runId, migration, kind, tenant, status, startedAt, finishedAt, durationSeconds, error,
                parameters, entities, failures, tenants, reconciliation, checked);
    }

    /**
     * A sample of the run's migrated records of an entity, read back from the target and compared field by field with
     * what was sent.
     *
     * @param sampled     records read back
     * @param matched     every field sent is what the target holds
     * @param differing   at least one field differs (or the target does not return it)
     * @param missing     the target answered 404
     * @param unreadable  the target did not answer with the record (an error, not JSON)
     * @param differences the first ones: per field, or per record when it was missing or unreadable (field null)
     */
    public record ReadBack(String entity, int sampled, int matched, int differing, int missing, int unreadable,
                           List<ReadBackDifference> differences) {
    }

    /** @param found what the target holds, "(absent)", or why the record could not be compared */
    public record ReadBackDifference(String sourceKey, String targetId, String field, String sent, String found) {
    }

    /** One tenant's run through the plan (a run has one tenant; a list, so reports of several runs combine). */
    public record TenantReport(String tenant, String status, List<StageReport> stages) {
    }

    /**
     * One execution of a stage (a resumed run shows the interrupted attempt and the one that followed).
     *
     * @param kind     configure, choice, target, migrate, wait, report, or restore ("&lt;stage&gt;:restore")
     * @param status   RUNNING, COMPLETED, FAILED, SKIPPED or INTERRUPTED
     * @param migrated  records of the stage's entities whose outcome this attempt recorded (migrate stages): from its
     *                  start to the next attempt's (the last attempt also holds what changed after it, e.g. discards),
     *                  so the attempts of a stage add up to the run's totals
     * @param discarded of those, DISCARDED by an operator since
     */
    public record StageReport(String name, String kind, int attempt, String status, Instant startedAt,
                              Instant finishedAt, long migrated, long failed, long blocked, String error,
                              long discarded) {
    }

    /**
     * What became of the rows a run read, per entity: {@code migrated + failed + blocked + discarded + skipped + pending
     * = total} (see docs/reports-and-exit-codes.md).
     *
     * @param total     rows the run's (latest) extract read from the source; for an entity the run did not extract,
     *                  the records it took from the ledger (children released by a parent it migrated)
     * @param migrated  records of this run the target accepted (in any attempt of a resumed run)
     * @param failed    records of this run that ended FAILED
     * @param blocked   records held back because a parent they reference is not MIGRATED
     * @param skipped   rows an earlier run had migrated, not sent again
     * @param pending   records queued by this run without an outcome yet (only if the run was interrupted)
     * @param discarded records of this run an operator DISCARDED (not to be migrated)
     * @param inDoubt   records of this run whose request may have reached the target unanswered (a timeout, a reset, a
     *                  crash mid-call), whatever their status now: not an outcome, so not in the sum above
     */
    public record EntityCounts(String name, long total, long migrated, long failed, long blocked, long skipped,
                               long pending, long discarded, long inDoubt) {

        public EntityCounts(String name, long total, long migrated, long failed, long blocked, long skipped,
                            long pending, long discarded) {
            this(name, total, migrated, failed, blocked, skipped, pending, discarded, 0);
        }

        /** The records of the rows read that were not migrated: failed, blocked, discarded or without outcome. */
        public long notMigrated() {
            return failed + blocked + discarded + pending;
        }

        /** Every outcome and the skipped rows: equals {@link #total()} when the report adds up. */
        public long accountedFor() {
            return migrated + notMigrated() + skipped;
        }
    }

    /** @param status FAILED, BLOCKED or DISCARDED */
    public record FailureCount(String entity, String status, String reason, long count) {
    }

    /**
     * What the source gave against what the ledger holds, per entity of the run.
     *
     * @param sourceRows  rows this run's extract read (the entity's total)
     * @param migrated    the tenant's records of the entity in the ledger, by status, whichever run left them (so
     *                    also {@code failed}, {@code blocked}, {@code queued})
     * @param notInLedger sourceRows minus the tenant's records of the entity in the ledger, when this run read the
     *                    whole entity (else null); below zero, the ledger holds records the source no longer returns
     */
    public record Reconciliation(String entity, long sourceRows, long migrated, long failed, long blocked, long queued,
                                 Long notInLedger, long discarded) {
    }

    public boolean dryRun() {
        return RunKind.DRY_RUN.equals(kind);
    }

    public long failedTotal() {
        return entities.stream().mapToLong(EntityCounts::failed).sum();
    }

    public long blockedTotal() {
        return entities.stream().mapToLong(EntityCounts::blocked).sum();
    }

    public long discardedTotal() {
        return entities.stream().mapToLong(EntityCounts::discarded).sum();
    }

    /** Records of the run in doubt (see {@link EntityCounts#inDoubt()}). */
    public long inDoubtTotal() {
        return entities.stream().mapToLong(EntityCounts::inDoubt).sum();
    }

    public long migratedTotal() {
        return entities.stream().mapToLong(EntityCounts::migrated).sum();
    }

    /** Records of the run not migrated: failed, blocked, discarded or without an outcome. */
    public long notMigratedTotal() {
        return entities.stream().mapToLong(EntityCounts::notMigrated).sum();
    }
}
