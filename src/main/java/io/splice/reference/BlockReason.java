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

    /** The same for every record of the cycle: its keys from the smallest round to it again ({@code 1 → 2 → 1}). */
    static String cycleReason(String entity, java.util.List<String> members) {
        int first = members.indexOf(members.stream().min(String::compareTo).orElseThrow());
        java.util.List<String> keys = new java.util.ArrayList<>(members.subList(first, members.size()));
        keys.addAll(members.subList(0, first));
        keys.add(keys.get(0));
        return "reference cycle: " + entity + " " + String.join(" → ", keys);
    }

    static String cycleMessage(String entity, String sourceKey, String column, String reason) {
        return entity + " " + sourceKey + ": field " + column + " is part of a " + reason
                + "; each waits for the next, so none can be migrated until the source breaks the cycle";
    }
}
