package io.splice.record;

/**
 * A failure that retrying cannot fix (bad data, a rejected request): no redelivery, straight to the
 * dead-letter route. Everything else is treated as transient and redelivered by Camel.
 */
public abstract class PermanentFailure extends Exception {

    private final String reason;

    protected PermanentFailure(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Groupable: the same for every record that failed the same way. */
    public String reason() {
        return reason;
    }

    public Integer httpStatus() {
        return null;
    }
}
