package io.splice.sandbox;

import java.util.Optional;

/** A new project starts a planboard job; planboards cannot be created while any such job is still running. */
final class PlanboardJobHooks implements CollectionHooks {

    static final String PROJECTS = "projects";
    static final String PLANBOARDS = "planboards";
    static final String STILL_RUNNING = "planboard jobs still running";

    private final PlanboardJobs jobs;

    PlanboardJobHooks(PlanboardJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Optional<String> conflict(String collection) {
        return PLANBOARDS.equals(collection) && jobs.pendingAt(jobs.now()) > 0 ? Optional.of(STILL_RUNNING) : Optional.empty();
    }

    @Override
    public void created(StoredRecord record) {
        if (PROJECTS.equals(record.collection())) {
            jobs.start(record.id(), record.createdAt());
        }
    }
}
