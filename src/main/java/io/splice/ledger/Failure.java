package io.splice.ledger;

/**
 * Why a record was not migrated.
 *
 * @param reason  groupable text without record-specific values, e.g. "HTTP 422 postcode: must match 9999 AA"
 * @param message the full message naming the record, field and value
 */
public record Failure(String errorClass, String reason, String message, Integer httpStatus) {
}
