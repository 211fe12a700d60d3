package io.splice.record;

/** Identifies one source record in the ledger. */
public record RecordKey(String tenant, String entity, String sourceKey) {

    /** Sent to the target as Idempotency-Key: stable across retries, replays and re-runs. */
    public String idempotencyKey() {
        return "splice:" + tenant + ":" + entity + ":" + sourceKey;
    }

    @Override
    public String toString() {
        return entity + " " + sourceKey + " (tenant " + tenant + ")";
    }
}
