package io.splice.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the operator API answers: one record per answer, written as JSON in camelCase. */
public final class Answers {

    private Answers() {
    }

    /** Every error: the HTTP status and one line naming the field (or what) is wrong. */
    public record Error(int status, String message) {
    }

    public record RunSummary(String runId, String tenant, String migration, String kind, String status,
                             Instant startedAt, Instant finishedAt, String error) {
    }

    public record RunAccepted(boolean accepted, List<String> tenants, Map<String, String> parameters, String see) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    /** @param inDoubt of all of them, those whose request may have reached the target unanswered (V7) */
    public record Progress(String tenant, String entity, long total, long migrated, long failed, long blocked,
                           long queued, long discarded, long inDoubt, double ratePerSecond, Long etaSeconds,
                           Instant waitingForTargetSince) {
    }

    public record EntityStatus(String entity, String status) {
    }

    public record EntityRate(String entity, int rate) {
    }

    public record EntityConcurrency(String entity, int concurrency) {
    }

    /** @param fields the fields the target's answers named (empty when they named none) */
    public record DeadLetterGroup(String tenant, String entity, Integer httpStatus, String reason, long records,
                                  String sampleKey, Instant lastSeen, List<String> fields) {
    }

    /**
     * A record whose request may have reached the target unanswered (a timeout, a reset, a crash mid-call), whatever
     * became of it since: a MIGRATED one may be at a target that ignores Idempotency-Key twice.
     */
    public record InDoubtRecord(String tenant, String entity, String sourceKey, String status, String reason,
                                String targetId, String runId, Instant updatedAt) {
    }

    /** A replay's dry run: exactly the keys a replay of the same selection would send, and what would happen. */
    public record ReplayPreview(String entity, String tenant, boolean dryRun, List<String> sourceKeys, boolean more,
                                int records, int wouldSend, int wouldFailMapping, int wouldBeBlocked,
                                List<Map<String, Object>> samples) {
    }

    /** A replay started: exactly these keys are replayed; its run is in /api/runs. */
    public record ReplayAccepted(boolean accepted, String entity, String tenant, String from, List<String> sourceKeys,
                                 boolean more, int records, String see) {
    }

    /** A discard (or its dry run): exactly these keys, and the dead letters taken off the DLQ. */
    public record Discarded(String entity, String tenant, boolean dryRun, List<String> sourceKeys, boolean more,
                            int records, int deadLettersRemoved) {
    }
}
