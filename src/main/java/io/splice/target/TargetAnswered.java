package io.splice.target;

/** A failure the target answered: its answer is kept in the ledger with the fields it names. */
public interface TargetAnswered {

    /** @return the answer read, or null when there was none worth keeping */
    FailureAnswer answer();
}
