package io.splice.plan;

import io.splice.pipeline.ExtractFailedException;

/** What an operator reads of an error: Camel's split and multicast wrappers removed, the cause's own words kept. */
public final class Failures {

    private Failures() {
    }

    public static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ExtractFailedException || t instanceof WaitTimedOutException
                    || t instanceof StageRequirementException || t instanceof PlanCallFailedException) {
                return t.getMessage();
            }
            if (t.getCause() == null) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return String.valueOf(error);
    }
}
