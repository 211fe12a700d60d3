package io.splice.sample;

/** Parent keys that point at nothing: 900000 + the child's id, or further out if the parent table is that large. */
final class OrphanKeys {

    static final long BASE = 900_000L;

    private OrphanKeys() {
    }

    /** A parent id above every real one (parents have ids 1..parentRows), distinct per child. */
    static long beyond(int parentRows, long childId) {
        return Math.max(BASE, parentRows) + childId;
    }
}
