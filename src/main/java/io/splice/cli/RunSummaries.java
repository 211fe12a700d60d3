package io.splice.cli;

import java.io.PrintStream;
import java.util.List;

import io.splice.report.CompletedRun;
import io.splice.report.SummaryPrinter;

/** Prints every tenant's summary; the exit status is 0 only if every run completed. */
final class RunSummaries {

    private RunSummaries() {
    }

    static int print(List<CompletedRun> runs, PrintStream out) {
        runs.forEach(run -> SummaryPrinter.print(run.report(), run.reportFile(), out));
        return runs.stream().allMatch(CompletedRun::completed) ? 0 : 1;
    }
}
