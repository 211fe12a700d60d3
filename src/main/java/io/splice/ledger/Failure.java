package io.splice.ledger;

/**
 * Why a record was not migrated.
 *
 * @param reason       groupable text without record-specific values, e.g. "HTTP 422 postcode: must match 9999 AA"
 * @param message      the full message naming the record, field and value
 * @param answer       the target's whole answer to the failed call, as it sent it (bounded by the ledger); null if none
 * @param fields       the fields the answer names, "email, name"; null if none
 * @param keepsEarlier the failure is a look-up's: a reason the ledger has from an earlier failure (the target's real
 *                     answer to the record) is kept, and only the message says what the look-up found
 */
public record Failure(String errorClass, String reason, String message, Integer httpStatus, String answer,
                      String fields, boolean keepsEarlier) {

    public Failure(String errorClass, String reason, String message, Integer httpStatus) {
        this(errorClass, reason, message, httpStatus, null, null, false);
    }

    public Failure withAnswer(String body, String fieldList) {
        return new Failure(errorClass, reason, message, httpStatus, body, fieldList, keepsEarlier);
    }

    public Failure keepingEarlier() {
        return new Failure(errorClass, reason, message, httpStatus, answer, fields, true);
    }
}
