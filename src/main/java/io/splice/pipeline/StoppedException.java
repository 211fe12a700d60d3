package io.splice.pipeline;

/** Splice is shutting down in the middle of a run: the run ends FAILED (not COMPLETED) and the next run resumes it. */
public class StoppedException extends Exception {

    public StoppedException(String what) {
        super("Splice stopped (shutdown) " + what + "; the next run resumes here");
    }
}
