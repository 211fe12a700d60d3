package io.splice.report;

import java.io.PrintStream;
import java.nio.file.Path;

/** The summary a person reads at the end of a run; the last line names the report file. */
public final class SummaryPrinter {

    private SummaryPrinter() {
    }

    public static void print(RunReport report, Path reportFile, PrintStream out) {
        out.printf("%nRun %s %s in %.1f s (tenant %s)%n", report.runId(), report.status(), report.durationSeconds(),
                report.tenant());
        if (report.error() != null) {
            out.println("Error: " + report.error());
        }
        out.printf("%-16s %10s %10s %10s %10s%n", "entity", "total", "migrated", "failed", "skipped");
        for (RunReport.EntityCounts e : report.entities()) {
            out.printf("%-16s %10d %10d %10d %10d%s%n", e.name(), e.total(), e.migrated(), e.failed(), e.skipped(),
                    e.pending() > 0 ? "   (" + e.pending() + " without outcome)" : "");
        }
        if (!report.failures().isEmpty()) {
            out.println("Failures by reason:");
            for (RunReport.FailureCount f : report.failures()) {
                out.printf("  %-14s %6d  %s%n", f.entity(), f.count(), f.reason());
            }
        }
        out.println("Report: " + reportFile);
    }
}
