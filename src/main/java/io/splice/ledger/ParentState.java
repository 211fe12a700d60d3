package io.splice.ledger;

/** What the ledger says of a referenced parent record: its status, target id (if MIGRATED) and failure reason. */
public record ParentState(String entity, String sourceKey, String status, String targetId, String reason) {

    public static ParentState neverMigrated(String entity, String sourceKey) {
        return new ParentState(entity, sourceKey, null, null, null);
    }

    public boolean migrated() {
        return "MIGRATED".equals(status) && targetId != null;
    }
}
