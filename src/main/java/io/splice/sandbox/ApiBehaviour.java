package io.splice.sandbox;

import java.util.Objects;

/**
 * How the sandbox's API behaves where real APIs differ, so Splice can be tested against each kind.
 *
 * @param validationAnswers    the shape of a 422 (see {@link ValidationAnswers})
 * @param pagedSearch          a search ({@code GET /api/v1/{collection}?field=value}) answers {@code {"content":[...],
 *                             "totalElements":n}} instead of a bare array
 * @param ignoreIdempotencyKey creates ignore the Idempotency-Key: a resend creates a duplicate (as APIs without
 *                             idempotency do), and {@code GET /api/v1/{collection}/by-key/{key}} finds nothing; the key
 *                             is still kept on the stored record, so a test can count the duplicates
 */
public record ApiBehaviour(ValidationAnswers validationAnswers, boolean pagedSearch, boolean ignoreIdempotencyKey) {

    /** The body of a 422. */
    public enum ValidationAnswers {
        /** {@code {"error":"validation_failed","field":"postcode","reason":"must match 9999 AA","value":"12345"}} */
        FIELD_AND_REASON,
        /**
         * RFC 9457, {@code Content-Type: application/problem+json}: {@code {"type","title":"Your request is not valid",
         * "status":422,"detail":"postcode: must match 9999 AA","invalid-params":[{"name":"postcode","reason":…}]}}
         */
        PROBLEM_DETAILS,
        /** {@code {"error":"validation failed","fields":["postcode"]}}: the fields, no reason per field */
        ERROR_AND_FIELDS
    }

    public ApiBehaviour {
        Objects.requireNonNull(validationAnswers, "validationAnswers");
    }

    public static ApiBehaviour defaults() {
        return new ApiBehaviour(ValidationAnswers.FIELD_AND_REASON, false, false);
    }

    public ApiBehaviour withValidationAnswers(ValidationAnswers value) {
        return new ApiBehaviour(value, pagedSearch, ignoreIdempotencyKey);
    }

    public ApiBehaviour withPagedSearch(boolean value) {
        return new ApiBehaviour(validationAnswers, value, ignoreIdempotencyKey);
    }

    public ApiBehaviour withIgnoreIdempotencyKey(boolean value) {
        return new ApiBehaviour(validationAnswers, pagedSearch, value);
    }
}
