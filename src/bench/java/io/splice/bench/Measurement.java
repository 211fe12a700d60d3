package io.splice.bench;

/**
 * One run of one contender.
 *
 * @param records       records it moved (or rows read, requests accepted, records skipped)
 * @param seconds       the contender's own timing of its work (Splice: its migrate stage, from the ledger)
 * @param process       what its JVM used, start-up and shutdown included
 * @param sandbox       what the sandbox JVM used meanwhile (null when there was none)
 * @param machineBusy   fraction of all CPUs busy (anyone's) while it ran, from /proc/stat
 */
record Measurement(String contender, long records, double seconds, ChildProcess.Usage process, ChildProcess.Usage sandbox,
                   double machineBusy) {

    double recordsPerSecond() {
        return records / seconds;
    }

    /** Whole-process CPU (start-up included) per 1,000 records. */
    double cpuPerThousand() {
        return process.cpuSeconds() * 1000.0 / records;
    }
}
