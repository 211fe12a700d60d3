package io.splice.sandbox;

import java.time.Instant;

/**
 * An asynchronous planboard job the new system starts for every project created; its status is derived from the
 * sandbox's clock on every read, so no thread has to finish it.
 *
 * @param id        {@code job-<n>}, numbered in order of start
 * @param projectId the id of the project whose creation started it
 * @param startedAt when that project was created
 * @param doneAt    from this instant on the job is DONE; before it, RUNNING
 */
public record PlanboardJob(String id, String projectId, Instant startedAt, Instant doneAt) {

    public enum Status { RUNNING, DONE }

    public Status statusAt(Instant now) {
        return now.isBefore(doneAt) ? Status.RUNNING : Status.DONE;
    }
}
