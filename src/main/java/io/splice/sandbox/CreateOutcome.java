package io.splice.sandbox;

/**
 * Result of storing a record: either newly created, or the record an earlier request with the same
 * Idempotency-Key created.
 */
record CreateOutcome(StoredRecord record, boolean created) {
}
