package io.splice.target;

import io.splice.pipeline.PermanentFailure;

/** The target answered 4xx (other than 408/429): the request itself is wrong, retrying will not help. */
public class TargetRejectedException extends PermanentFailure {

    private final int status;

    public TargetRejectedException(int status, String reason, String message) {
        super("HTTP " + status + " " + reason, message);
        this.status = status;
    }

    @Override
    public Integer httpStatus() {
        return status;
    }
}
