package io.splice.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** report.html's sections with charts: records per entity, failures by reason, throughput over time. */
final class ReportCharts {

    static final int TOP_REASONS = 20;

    private static final SvgBarChart.Series MIGRATED = new SvgBarChart.Series("migrated", "#2e7d32");
    private static final SvgBarChart.Series FAILED = new SvgBarChart.Series("failed", "#c62828");
    private static final SvgBarChart.Series BLOCKED = new SvgBarChart.Series("blocked", "#ef6c00");
    private static final SvgBarChart.Series DISCARDED = new SvgBarChart.Series("discarded", "#6a1b9a");
    private static final SvgBarChart.Series SKIPPED = new SvgBarChart.Series("skipped", "#9e9e9e");
    private static final SvgBarChart.Series PENDING = new SvgBarChart.Series("without outcome", "#1565c0");

    private ReportCharts() {
    }

    static String entities(RunReport report) {
        boolean pending = report.entities().stream().anyMatch(e -> e.pending() > 0);
        List<SvgBarChart.Series> series = new ArrayList<>(List.of(MIGRATED, FAILED, BLOCKED, DISCARDED, SKIPPED));
        if (pending) {
            series.add(PENDING);
        }
        List<SvgBarChart.Bar> bars = report.entities().stream().map(e -> new SvgBarChart.Bar(e.name(), pending
                ? List.of(e.migrated(), e.failed(), e.blocked(), e.discarded(), e.skipped(), e.pending())
                : List.of(e.migrated(), e.failed(), e.blocked(), e.discarded(), e.skipped()))).toList();
        HtmlTable table = new HtmlTable("entity", "total read", "migrated", "failed", "blocked", "discarded", "skipped",
                "without outcome", "in doubt");
        report.entities().forEach(e -> table.row(e.name(), e.total(), e.migrated(), e.failed(), e.blocked(),
                e.discarded(), e.skipped(), e.pending(), e.inDoubt()));
        return "<section id=\"entities\">\n<h2>Records per entity</h2>\n"
                + "<p>Per entity, migrated + failed + blocked + discarded + skipped + without outcome = total read. In doubt"
                + " (not an outcome): records whose request may have reached the target unanswered.</p>\n"
                + (bars.isEmpty() ? "<p>No records were read.</p>\n"
                : new SvgBarChart(series).render("Records per entity by outcome", bars) + table.html())
                + "</section>\n";
    }

    static String failures(RunReport report, String csvFile, long csvRows) {
        List<RunReport.FailureCount> top = report.failures().subList(0, Math.min(TOP_REASONS, report.failures().size()));
        StringBuilder html = new StringBuilder("<section id=\"failures\">\n<h2>Not migrated, by reason</h2>\n");
        html.append(String.format(Locale.ROOT, "<p>Every record not migrated (%d) is listed in <a href=\"%s\">%s</a>"
                + " with its key, reason and field, for the data owners.</p>%n", csvRows, HtmlText.escape(csvFile),
                HtmlText.escape(csvFile)));
        if (top.isEmpty()) {
            return html.append("<p>Every record read was migrated.</p>\n</section>\n").toString();
        }
        // FAILED, BLOCKED and DISCARDED as three series, so each bar has its status's colour
        List<SvgBarChart.Bar> bars = top.stream().map(f -> new SvgBarChart.Bar(f.entity() + " · " + f.reason(),
                "BLOCKED".equals(f.status()) ? List.of(0L, f.count(), 0L)
                        : "DISCARDED".equals(f.status()) ? List.of(0L, 0L, f.count()) : List.of(f.count(), 0L, 0L)))
                .toList();
        html.append(new SvgBarChart(List.of(FAILED, BLOCKED, DISCARDED)).render("Records not migrated by reason", bars));
        HtmlTable table = new HtmlTable("#", "entity", "status", "reason", "field", "records");
        for (int i = 0; i < top.size(); i++) {
            RunReport.FailureCount f = top.get(i);
            table.row(i + 1, f.entity(), HtmlTable.status(f.status()), f.reason(), ReasonField.of(f.reason()), f.count());
        }
        html.append(table.html());
        if (report.failures().size() > top.size()) {
            List<RunReport.FailureCount> rest = report.failures().subList(top.size(), report.failures().size());
            html.append(String.format(Locale.ROOT, "<p>… and %d more reasons (%d records): see %s.</p>%n", rest.size(),
                    rest.stream().mapToLong(RunReport.FailureCount::count).sum(), HtmlText.escape(csvFile)));
        }
        return html.append("</section>\n").toString();
    }

    static String throughput(Throughput throughput, RunReport report) {
        List<Long> counts = throughput.counts(report.finishedAt());
        long total = counts.stream().mapToLong(Long::longValue).sum();
        long peak = counts.stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder html = new StringBuilder("<section id=\"throughput\">\n<h2>Throughput over time</h2>\n");
        html.append(String.format(Locale.ROOT, "<p>Records migrated per %d seconds since the run started: %d in all,"
                + " at most %d in one interval (%.1f records/s).</p>%n", throughput.bucketSeconds(), total, peak,
                (double) peak / throughput.bucketSeconds()));
        if (total > 0) {
            html.append(new SvgColumnChart(throughput.bucketSeconds()).render("Records migrated per "
                    + throughput.bucketSeconds() + " seconds", counts));
        }
        return html.append("</section>\n").toString();
    }
}
