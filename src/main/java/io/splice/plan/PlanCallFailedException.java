package io.splice.plan;

import io.splice.record.PermanentFailure;

/** A plan's call to the target was refused (4xx other than 408/429): not retried, the stage fails with it. */
public class PlanCallFailedException extends PermanentFailure {

    public PlanCallFailedException(String stage, String method, String path, int status, String answer) {
        super("HTTP " + status, "Stage " + stage + ": " + method + " " + path + " answered HTTP " + status + ": " + answer);
    }
}
