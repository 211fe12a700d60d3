package io.splice.cli;

import java.util.List;

import io.splice.report.RunReport;

/**
 * What `run`, `replay` and `report` exit with, so that a supervisor or a CI job can tell a migration that is done from
 * one that left records behind and from one that failed (docs/reports-and-exit-codes.md).
 */
final class ExitStatus {

    /** Every run completed and every record it read was migrated (or skipped: migrated by an earlier run). */
    static final int MIGRATED = 0;
    /** A run failed (a stage failed, e.g. its source could not be read or a wait timed out; the report says why). */
    static final int FAILED = 1;
    /** Splice could not start (a setting, the definition, a database login) or the command line was wrong. */
    static final int NOT_STARTED = 2;
    /** Every run completed, but records were not migrated: FAILED, BLOCKED, DISCARDED or without an outcome. */
    static final int NOT_MIGRATED = 3;

    /** The lines the commands' --help shows. */
    static final String HELP = "Exit status: 0 every record migrated; 3 completed, but records not migrated (failed, "
            + "blocked, discarded or without outcome); 1 a run failed; 2 Splice could not start or a wrong command line.";

    private ExitStatus() {
    }

    static int of(List<RunReport> reports) {
        if (reports.isEmpty() || !reports.stream().allMatch(r -> "COMPLETED".equals(r.status()))) {
            return FAILED;
        }
        return reports.stream().anyMatch(r -> r.notMigratedTotal() > 0) ? NOT_MIGRATED : MIGRATED;
    }
}
