package io.splice.target;

import io.splice.pipeline.PermanentFailure;

/** The target accepted the request but its answer is unusable (not JSON, no id where configured). */
public class TargetResponseException extends PermanentFailure {

    private final int status;

    public TargetResponseException(int status, String reason, String message) {
        super(reason, message);
        this.status = status;
    }

    @Override
    public Integer httpStatus() {
        return status;
    }
}
