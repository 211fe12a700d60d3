package io.splice.target;

import io.splice.record.PermanentFailure;

/** The target accepted the request but its answer is unusable (not JSON, no id where configured, a look-up's several). */
public class TargetResponseException extends PermanentFailure implements TargetAnswered {

    private final int status;
    private final FailureAnswer answer;

    public TargetResponseException(int status, String reason, String message) {
        this(status, reason, message, null);
    }

    TargetResponseException(int status, String reason, String message, FailureAnswer answer) {
        super(reason, message);
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
