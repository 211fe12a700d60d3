package io.splice.reference;

import io.splice.ledger.ParentState;

/** Why a record waits for its parent: a groupable reason, and a message naming both records. */
final class BlockReason {

    private BlockReason() {
    }

    static String reason(ParentState parent) {
        if (parent.status() == null) {
            return "parent " + parent.entity() + " never migrated";
        }
        if (parent.reason() == null) {
            return "parent " + parent.entity() + " not migrated yet (" + parent.status() + ")";
        }
        return "parent " + parent.entity() + " " + parent.status() + ": " + parent.reason();
    }

    static String message(String entity, String sourceKey, String column, ParentState parent) {
        String state = parent.status() == null
                ? "has never been migrated (no such " + parent.entity() + " in the source, or not read yet)"
                : "is " + parent.status() + (parent.reason() == null ? "" : " (" + parent.reason() + ")");
        return entity + " " + sourceKey + ": field " + column + " references " + parent.entity() + " "
                + parent.sourceKey() + ", which " + state;
    }
}
