package io.splice.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import io.splice.ledger.RunKind;

/**
 * report.html: a run for the people who follow the migration. One self-contained page: inline CSS and SVG, no
 * scripts, nothing fetched; every text from the ledger or the source is escaped.
 */
final class HtmlReport {

    static final String FILE = "report.html";

    // the page allows its own inline styles and nothing else: no scripts, no requests
    private static final String HEAD = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            """;
    private static final String STYLE = """
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 1000px; color: #212121; }
            h1 { font-size: 1.5em; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 2em; }
            .notice { background: #fff8e1; border-left: 4px solid #f9a825; padding: .5em 1em; }
            table { border-collapse: collapse; margin: .5em 0 1em; }
            th, td { border: 1px solid #ddd; padding: .25em .6em; text-align: left; vertical-align: top; }
            th { background: #f5f5f5; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
            .status { font-weight: bold; } .completed, .migrated { color: #2e7d32; }
            .failed, .interrupted { color: #c62828; } .discarded { color: #6a1b9a; } .blocked, .running { color: #ef6c00; } .skipped { color: #757575; }
            .warn { background: #fff3e0; }
            svg.chart { display: block; max-width: 100%; height: auto; font-size: 12px; margin: .5em 0; }
            svg .axis { stroke: #9e9e9e; } svg .column { fill: #2e7d32; }
            nav a { margin-right: 1em; }
            </style>
            """;

    private final DateTimeFormatter time;

    /** @param zone the zone the page shows times in */
    HtmlReport(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT).withZone(zone);
    }

    /** @param csvRows the records failed.csv lists */
    String render(RunReport report, Throughput throughput, long csvRows) {
        return HEAD + "<title>" + HtmlText.escape("Splice " + report.migration() + " – " + report.tenant() + " – "
                + report.status()) + "</title>\n" + STYLE + "</head>\n<body>\n"
                + "<h1>" + HtmlText.escape((report.dryRun() ? "Dry run of migration " : "Migration ") + report.migration()
                + " for tenant " + report.tenant()) + ": "
                + "<span class=\"status " + HtmlText.escape(lower(report.status())) + "\">"
                + HtmlText.escape(report.status()) + "</span></h1>\n"
                + "<nav><a href=\"#run\">Run</a><a href=\"#stages\">Stages</a><a href=\"#entities\">Entities</a>"
                + "<a href=\"#failures\">Failures</a><a href=\"#throughput\">Throughput</a>"
                + "<a href=\"#reconciliation\">Reconciliation</a><a href=\"" + FailedCsv.FILE + "\">" + FailedCsv.FILE
                + "</a><a href=\"report.json\">report.json</a></nav>\n"
                + (report.dryRun() ? "<p class=\"notice\">" + HtmlText.escape(SummaryPrinter.DRY_RUN_NOTE) + "</p>\n" : "")
                + run(report) + stages(report) + ReportCharts.entities(report)
                + ReportCharts.failures(report, FailedCsv.FILE, csvRows) + ReportCharts.throughput(throughput, report)
                + reconciliation(report) + readBack(report) + "</body>\n</html>\n";
    }

    private String run(RunReport report) {
        long migrated = report.migratedTotal();
        StringBuilder html = new StringBuilder("<section id=\"run\">\n<h2>Run</h2>\n<table>\n");
        fact(html, "Run", report.runId() + (RunKind.RUN.equals(report.kind()) ? ""
                : " (" + RunKind.label(report.kind()).toLowerCase(java.util.Locale.ROOT) + ")"));
        fact(html, "Migration", report.migration());
        fact(html, "Tenant", report.tenant());
        fact(html, "Status", report.status());
        fact(html, "Started", format(report.startedAt()));
        fact(html, "Finished", report.finishedAt() == null ? "not yet" : format(report.finishedAt()));
        fact(html, "Duration", report.finishedAt() == null ? "—" : duration(report.durationSeconds()));
        fact(html, "Records migrated", migrated + " (" + report.failedTotal() + " failed, " + report.blockedTotal()
                + " blocked, " + report.discardedTotal() + " discarded)");
        // not an outcome: records whose request may have reached the target unanswered (failed.csv's in_doubt)
        fact(html, "In doubt", report.inDoubtTotal() + (report.inDoubtTotal() == 0 ? ""
                : " (their request may have reached the target unanswered; failed.csv lists them with in_doubt)"));
        fact(html, "Throughput", report.durationSeconds() <= 0 ? "—"
                : String.format(Locale.ROOT, "%.1f records/s", migrated / report.durationSeconds()));
        if (report.error() != null) {
            fact(html, "Error", report.error());
        }
        html.append("</table>\n<h3>Parameters</h3>\n");
        Map<String, Object> parameters = report.parameters() == null ? Map.of() : report.parameters();
        if (parameters.isEmpty()) {
            html.append("<p>None.</p>\n");
        } else {
            HtmlTable table = new HtmlTable("parameter", "value");
            parameters.forEach((name, value) -> table.row(name, String.valueOf(value)));
            html.append(table.html());
        }
        return html.append("</section>\n").toString();
    }

    private String stages(RunReport report) {
        HtmlTable table = new HtmlTable("stage", "kind", "attempt", "status", "started", "finished", "migrated",
                "failed", "blocked", "discarded", "error");
        int rows = 0;
        for (RunReport.TenantReport tenant : report.tenants()) {
            for (RunReport.StageReport s : tenant.stages()) {
                table.row(s.name(), s.kind(), s.attempt(), HtmlTable.status(s.status()), format(s.startedAt()),
                        format(s.finishedAt()), s.migrated(), s.failed(), s.blocked(), s.discarded(), s.error());
                rows++;
            }
        }
        return "<section id=\"stages\">\n<h2>Plan stages</h2>\n"
                + "<p>Each attempt shows the outcomes recorded while it ran (a resumed stage's attempts add up to the"
                + " run's totals).</p>\n" + (rows == 0 ? "<p>No stages ran.</p>\n" : table.html())
                + "</section>\n";
    }

    private static String reconciliation(RunReport report) {
        HtmlTable table = new HtmlTable("entity", "source rows read", "ledger: migrated", "failed", "blocked",
                "discarded", "queued", "not in ledger");
        for (RunReport.Reconciliation r : report.reconciliation()) {
            Object missing = r.notInLedger() == null ? "—"
                    : r.notInLedger() == 0 ? 0L : new HtmlTable.Styled(r.notInLedger(), "num warn");
            table.row(r.entity(), r.sourceRows(), r.migrated(), r.failed(), r.blocked(), r.discarded(), r.queued(), missing);
        }
        return "<section id=\"reconciliation\">\n<h2>Reconciliation with the ledger</h2>\n"
                + "<p>The rows this run read from the source, against the tenant's records in the ledger (left by any"
                + " run). <em>Not in ledger</em> is the difference when the run read the whole entity (— when it did"
                + " not); below zero, the ledger holds records the source no longer returns.</p>\n"
                + table.html() + "</section>\n";
    }

    private static String readBack(RunReport report) {
        if (report.readBack().isEmpty()) {
            return "";
        }
        HtmlTable summary = new HtmlTable("entity", "read back", "match", "differ", "missing", "unreadable");
        HtmlTable differences = new HtmlTable("entity", "source key", "target id", "field", "sent", "target holds");
        int shown = 0;
        for (RunReport.ReadBack r : report.readBack()) {
            summary.row(r.entity(), r.sampled(), r.matched(), warnIfAny(r.differing()), warnIfAny(r.missing()),
                    warnIfAny(r.unreadable()));
            for (RunReport.ReadBackDifference d : r.differences()) {
                differences.row(r.entity(), d.sourceKey(), d.targetId(), d.field() == null ? "—" : d.field(),
                        d.sent() == null ? "—" : d.sent(), d.found());
                shown++;
            }
        }
        return "<section id=\"read-back\">\n<h2>Read back from the target</h2>\n"
                + "<p>A sample of the records this run migrated, read from the target and compared field by field with"
                + " what was sent (fields the target adds are not compared).</p>\n" + summary.html()
                + (shown == 0 ? "" : "<h3>Differences</h3>\n" + differences.html()) + "</section>\n";
    }

    private static Object warnIfAny(long count) {
        return count == 0 ? 0L : new HtmlTable.Styled(count, "num warn");
    }

    private static void fact(StringBuilder html, String name, Object value) {
        html.append("<tr><th>").append(HtmlText.escape(name)).append("</th><td>").append(HtmlText.escape(value))
                .append("</td></tr>\n");
    }

    private String format(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        Duration d = Duration.ofMillis(Math.round(seconds * 1000));
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%d h %02d min %02d s", d.toHours(), d.toMinutesPart(),
                d.toSecondsPart()) : String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
