package io.splice.plan;

/** The tenant's unfinished run is still being run by another, living process: two must never run it at once. */
public class RunInProgressException extends Exception {

    public RunInProgressException(String runId, String tenant, String owner) {
        super("Run " + runId + " of tenant " + tenant + " is in progress in another process (" + owner
                + "); stop that process, or wait until its heartbeat is stale");
    }
}
