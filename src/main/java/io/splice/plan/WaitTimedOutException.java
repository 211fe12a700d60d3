package io.splice.plan;

/** A wait stage's condition did not hold in time: the run fails with the stage, the condition and the last answer. */
public class WaitTimedOutException extends Exception {

    public WaitTimedOutException(String stage, String until, long timeoutSeconds, String lastAnswer) {
        super("Stage " + stage + ": '" + until + "' did not hold within " + timeoutSeconds + " s (last answer: "
                + lastAnswer + ")");
    }
}
