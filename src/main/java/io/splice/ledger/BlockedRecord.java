package io.splice.ledger;

/** A record held back because a parent it references is not MIGRATED: what it needs to be sent later. */
public record BlockedRecord(String tenant, String entity, String sourceKey, String groupKey, String payload) {
}
