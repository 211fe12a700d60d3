package io.splice.target;

import io.splice.record.PermanentFailure;

/** The target answered 4xx (other than 408/429): the request itself is wrong, retrying will not help. */
public class TargetRejectedException extends PermanentFailure implements TargetAnswered {

    private final int status;
    private final FailureAnswer answer;

    public TargetRejectedException(int status, String reason, String message) {
        this(status, reason, message, null, false);
    }

    /** @param lookup the look-up was rejected, not the record: its reason says so ("lookup HTTP 400 …") */
    TargetRejectedException(int status, String reason, String message, FailureAnswer answer, boolean lookup) {
        super((lookup ? "lookup " : "") + "HTTP " + status + " " + reason, message);
        this.status = status;
        this.answer = answer;
    }

    @Override
    public Integer httpStatus() {
        return status;
    }

    @Override
    public FailureAnswer answer() {
        return answer;
    }
}
