package io.splice.plan;

/** A configure stage's requirement does not hold for the run's parameters. */
public class StageRequirementException extends Exception {

    public StageRequirementException(String stage, String message) {
        super("Stage " + stage + ": " + message);
    }
}
