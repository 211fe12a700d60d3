package io.splice.pipeline;

import io.splice.ledger.Failure;
import io.splice.record.PermanentFailure;
import io.splice.target.TargetAnswered;
import io.splice.target.TargetUnavailableException;

/** Turns whatever ended a record's journey into a ledger {@link Failure} with a groupable reason. */
final class FailureDescription {

    private FailureDescription() {
    }

    static Failure of(Throwable error, int attempts) {
        Failure failure = described(error, attempts);
        // the target's own words, kept whole in the ledger with the fields they name
        if (error instanceof TargetAnswered answered && answered.answer() != null) {
            return failure.withAnswer(answered.answer().body(), answered.answer().fieldList());
        }
        return failure;
    }

    private static Failure described(Throwable error, int attempts) {
        if (error == null) {
            return new Failure("unknown", "unknown failure", "the dead-letter channel received no exception", null);
        }
        String errorClass = error.getClass().getName();
        if (error instanceof PermanentFailure permanent) {
            return new Failure(errorClass, permanent.reason(), permanent.getMessage(), permanent.httpStatus());
        }
        String suffix = " after " + attempts + " attempt" + (attempts == 1 ? "" : "s");
        // the count is per record, so it stays out of the groupable reason
        if (error instanceof TargetUnavailableException unavailable) {
            return new Failure(errorClass, "HTTP " + unavailable.status() + ", retries exhausted",
                    unavailable.getMessage() + suffix, unavailable.status());
        }
        // I/O and other unexpected errors: the class is the groupable part, the message may name hosts or values
        return new Failure(errorClass, error.getClass().getSimpleName() + ", retries exhausted",
                error.getClass().getSimpleName() + ": " + error.getMessage() + suffix, null);
    }
}
