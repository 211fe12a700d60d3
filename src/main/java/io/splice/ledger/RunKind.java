package io.splice.ledger;

/** The kinds of run the ledger's runs table holds: a plan's run, a dry run of it, a replay of failed records. */
public final class RunKind {

    public static final String RUN = "RUN";
    public static final String DRY_RUN = "DRY_RUN";
    public static final String REPLAY = "REPLAY";

    private RunKind() {
    }

    /** "Run", "Dry run" or "Replay". */
    public static String label(String kind) {
        return DRY_RUN.equals(kind) ? "Dry run" : REPLAY.equals(kind) ? "Replay" : "Run";
    }
}
