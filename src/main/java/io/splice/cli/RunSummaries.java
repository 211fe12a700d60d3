package io.splice.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import io.splice.report.CombinedReport;
import io.splice.report.CompletedRun;
import io.splice.report.SummaryPrinter;

/** Prints every tenant's summary; the exit status says whether every record was migrated (see ExitStatus). */
final class RunSummaries {

    private RunSummaries() {
    }

    static int print(List<CompletedRun> runs, PrintStream out) {
        runs.forEach(run -> SummaryPrinter.print(run.report(), run.reportFile(), out));
        if (runs.size() > 1) {
            CombinedReport all = CombinedReport.of(runs);
            out.printf("%nAll %d tenants: %s, %d migrated, %d failed, %d blocked, %d discarded (%d of %d runs completed)%n",
                    runs.size(), all.status(), all.migrated(), all.failed(), all.blocked(), all.discarded(),
                    runs.stream().filter(CompletedRun::completed).count(), runs.size());
            // written by SpliceRuntime beside the first tenant's run
            Path first = runs.get(0).reportFile().getParent();
            if (all.inDoubt() > 0) {
                out.printf("In doubt in all: %d (their request may have reached the target unanswered; see failed.csv)%n",
                        all.inDoubt());
            }
            out.println("Report (all tenants): " + first.resolveSibling(first.getFileName() + "-all").resolve("report.json"));
        }
        return ExitStatus.of(runs.stream().map(CompletedRun::report).toList());
    }
}
