package io.splice.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every planboard job started so far, in order of start. Thread-safe. */
final class PlanboardJobs {

    private final Clock clock;
    private final Duration runTime;
    private final List<PlanboardJob> jobs = new ArrayList<>();

    PlanboardJobs(Clock clock, Duration runTime) {
        this.clock = clock;
        this.runTime = runTime;
    }

    synchronized PlanboardJob start(String projectId, Instant startedAt) {
        PlanboardJob job = new PlanboardJob("job-" + (jobs.size() + 1), projectId, startedAt, startedAt.plus(runTime));
        jobs.add(job);
        return job;
    }

    synchronized List<PlanboardJob> snapshot() {
        return List.copyOf(jobs);
    }

    Instant now() {
        return clock.instant();
    }

    /** How many jobs are RUNNING at this instant. */
    int pendingAt(Instant now) {
        return (int) snapshot().stream().filter(job -> job.statusAt(now) == PlanboardJob.Status.RUNNING).count();
    }

    /** When the last job to finish is (or will be) done; empty while no job was started. */
    Optional<Instant> lastDoneAt() {
        return snapshot().stream().map(PlanboardJob::doneAt).max(Instant::compareTo);
    }
}
