package io.splice.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import io.splice.ledger.RunKind;

/** The summary a person reads at the end of a run; the last line names the report file. */
public final class SummaryPrinter {

    // the commonest reasons on the terminal; the report has them all
    private static final int MAX_REASONS = 10;

    static final String DRY_RUN_NOTE = "Dry run: nothing was written to the target; \"migrated\" counts the records "
            + "that would be (mapped, references resolved, accepted by the target's validatePath where it has one).";

    private static String readBack(RunReport.ReadBack r) {
        List<String> problems = new java.util.ArrayList<>();
        if (r.differing() > 0) {
            problems.add(r.differing() + " differ");
        }
        if (r.missing() > 0) {
            problems.add(r.missing() + " missing");
        }
        if (r.unreadable() > 0) {
            problems.add(r.unreadable() + " unreadable");
        }
        return r.entity() + " " + r.matched() + "/" + r.sampled() + " match"
                + (problems.isEmpty() ? "" : " (" + String.join(", ", problems) + ")");
    }

    private SummaryPrinter() {
    }

    /** The run's records in doubt, by entity, and what to do about them (docs/outages-and-retries.md). */
    static String inDoubtLine(RunReport report) {
        return "In doubt: " + report.inDoubtTotal() + " (" + report.entities().stream().filter(e -> e.inDoubt() > 0)
                .map(e -> e.name() + " " + e.inDoubt()).collect(Collectors.joining(", "))
                + ") - their request may have reached the target unanswered; a target that ignores Idempotency-Key may"
                + " hold them twice: check it for the keys failed.csv lists with in_doubt";
    }

    public static void print(RunReport report, Path reportFile, PrintStream out) {
        out.printf("%n%s %s of %s %s in %.1f s (tenant %s)%n", RunKind.label(report.kind()),
                report.runId(), report.migration(), report.status(), report.durationSeconds(), report.tenant());
        if (report.dryRun()) {
            out.println(DRY_RUN_NOTE);
        }
        if (!report.readBack().isEmpty()) {
            out.println("Read back from the target: " + report.readBack().stream()
                    .map(SummaryPrinter::readBack).collect(Collectors.joining(", ")));
        }
        if (report.error() != null) {
            out.println("Error: " + report.error());
        }
        if (!report.tenants().isEmpty() && !report.tenants().get(0).stages().isEmpty()) {
            out.println("Stages: " + report.tenants().get(0).stages().stream()
                    .map(stage -> stage.name() + (stage.attempt() > 1 ? "#" + stage.attempt() : "") + " " + stage.status())
                    .collect(Collectors.joining(", ")));
        }
        out.printf("%-20s %10s %10s %10s %10s %10s %10s%n", "entity", "total", "migrated", "failed", "blocked",
                "discarded", "skipped");
        for (RunReport.EntityCounts e : report.entities()) {
            out.printf("%-20s %10d %10d %10d %10d %10d %10d%s%n", e.name(), e.total(), e.migrated(), e.failed(),
                    e.blocked(), e.discarded(), e.skipped(),
                    e.pending() > 0 ? "   (" + e.pending() + " without outcome)" : "");
        }
        if (report.inDoubtTotal() > 0) {
            out.println(inDoubtLine(report));
        }
        if (!report.failures().isEmpty()) {
            out.println("Not migrated, by reason:");
            for (RunReport.FailureCount f : report.failures().subList(0, Math.min(MAX_REASONS, report.failures().size()))) {
                out.printf("  %-18s %-8s %6d  %s%n", f.entity(), f.status(), f.count(), f.reason());
            }
            if (report.failures().size() > MAX_REASONS) {
                List<RunReport.FailureCount> rest = report.failures().subList(MAX_REASONS, report.failures().size());
                out.printf("  … and %d more reasons (%d records): see the report%n", rest.size(),
                        rest.stream().mapToLong(RunReport.FailureCount::count).sum());
            }
        }
        out.println("Report: " + reportFile);
    }
}
