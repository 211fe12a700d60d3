package io.splice.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
    private static final String SCRIPT_REASON = "HTTP 422 note: <script>alert(\"owned\")</script> & more";

    @Test
    void showsEverySectionAndLinksToFailedCsv() {
        String html = render(report(List.of(
                new RunReport.FailureCount("addresses", "FAILED", "HTTP 422 street: is required", 7),
                new RunReport.FailureCount("addresses", "BLOCKED", "parent projects FAILED: mapping houseNumber: x", 2))));

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<section id=\"run\">", "<section id=\"stages\">", "<section id=\"entities\">",
                        "<section id=\"failures\">", "<section id=\"throughput\">", "<section id=\"reconciliation\">")
                .contains("<a href=\"failed.csv\">failed.csv</a>", "Every record not migrated (9)")
                .contains("<title>Splice addresses – north – COMPLETED</title>")
                .contains("<tr><th>Started</th><td>2025-03-01 10:00:00 Z</td></tr>",
                        "<tr><th>Duration</th><td>2 min 05 s</td></tr>",
                        "<tr><th>Throughput</th><td>0.8 records/s</td></tr>",
                        "<tr><td>migrateCompletedProjects</td><td>true</td></tr>")
                .contains("<tr><td>migrate</td><td>migrate</td><td class=\"num\">1</td>"
                        + "<td class=\"status completed\">COMPLETED</td>")
                .contains("<tr><td>projects</td><td class=\"num\">60</td><td class=\"num\">50</td>"
                        + "<td class=\"num\">7</td><td class=\"num\">2</td><td class=\"num\">0</td>"
                        + "<td class=\"num\">1</td>")
                .contains("<td>HTTP 422 street: is required</td><td>street</td><td class=\"num\">7</td>")
                .contains("<tr><td>projects</td><td class=\"num\">60</td><td class=\"num\">50</td><td class=\"num\">7</td>"
                        + "<td class=\"num\">2</td><td class=\"num\">0</td><td class=\"num\">0</td>"
                        + "<td class=\"num warn\">1</td></tr>")
                .contains("<tr><td>documents</td><td class=\"num\">4</td><td class=\"num\">0</td><td class=\"num\">0</td>"
                        + "<td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">4</td><td>—</td></tr>")
                .contains("100 in all, at most 60 in one interval (6.0 records/s)")
                .contains("<section id=\"read-back\">", "<tr><td>projects</td><td class=\"num\">3</td>"
                        + "<td class=\"num\">2</td><td class=\"num warn\">1</td><td class=\"num\">0</td>")
                .contains("<tr><td>projects</td><td>17</td><td>p-17</td><td>name</td>"
                        + "<td>&quot;&lt;b&gt;Noord&lt;/b&gt;&quot;</td><td>&quot;Noord&quot;</td></tr>")
                .endsWith("</html>\n");
        assertThat(count(html, "<svg ")).isEqualTo(3);
        String failures = html.substring(html.indexOf("<section id=\"failures\">"), html.indexOf("<section id=\"throughput\">"));
        assertThat(failures).contains("fill=\"#c62828\"><title>failed: 7</title>", "fill=\"#ef6c00\"><title>blocked: 2</title>")
                .doesNotContain("failed: 2", "blocked: 7");
    }

    @Test
    void escapesReasonsFromLegacyDataEverywhere() {
        String html = render(report(List.of(new RunReport.FailureCount("addresses", "FAILED", SCRIPT_REASON, 3))));

        assertThat(html).doesNotContain("<script", "alert(\"owned\")")
                .contains("<td>HTTP 422 note: &lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; more</td>")
                .contains("<title>addresses · HTTP 422 note: &lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; more</title>");
    }

    @Test
    void isSelfContainedWithoutScriptsOrRequests() {
        String html = render(report(List.of(new RunReport.FailureCount("addresses", "FAILED", SCRIPT_REASON, 3))));

        assertThat(html).doesNotContain("<script", "<link", "<img", "<iframe", "src=", "url(", "@import")
                .contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
        // the only absolute address is SVG's namespace; every link is to a section or a file beside the page
        assertThat(Pattern.compile("https?://").matcher(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).find())
                .isFalse();
        assertThat(Pattern.compile("href=\"([^\"]*)\"").matcher(html).results().map(m -> m.group(1)))
                .allMatch(href -> href.startsWith("#") || href.equals("failed.csv") || href.equals("report.json"));
    }

    @Test
    void showsTheTopTwentyReasonsAndCountsTheRest() {
        List<RunReport.FailureCount> failures = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            failures.add(new RunReport.FailureCount("addresses", "FAILED", "mapping field" + i + ": is required", 100 - i));
        }

        String html = render(report(failures));

        assertThat(html).contains("<td>mapping field19: is required</td><td>field19</td>")
                .doesNotContain("mapping field20: is required</td>")
                .contains("… and 5 more reasons (390 records): see failed.csv.");
    }

    @Test
    void aRunWithoutFailuresSaysSo() {
        assertThat(render(report(List.of()))).contains("Every record read was migrated.");
    }

    private static String render(RunReport report) {
        Throughput throughput = new Throughput(START, Duration.ofSeconds(10));
        for (int i = 0; i < 100; i++) {
            throughput.add(START.plusSeconds(i < 60 ? 12 : 31));
        }
        long notMigrated = report.failures().stream().mapToLong(RunReport.FailureCount::count).sum();
        return new HtmlReport(ZoneOffset.UTC).render(report, throughput, notMigrated);
    }

    private static RunReport report(List<RunReport.FailureCount> failures) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("migrateCompletedProjects", true);
        Instant end = START.plusSeconds(125);
        return new RunReport("20250301-100000-abcd1234", "addresses", "RUN", "north", "COMPLETED", START, end, 125.0,
                null, parameters,
                List.of(new RunReport.EntityCounts("projects", 60, 50, 7, 2, 1, 0, 0),
                        new RunReport.EntityCounts("addresses", 50, 50, 0, 0, 0, 0, 0),
                        new RunReport.EntityCounts("documents", 4, 0, 0, 0, 0, 4, 0)),
                failures,
                List.of(new RunReport.TenantReport("north", "COMPLETED", List.of(
                        new RunReport.StageReport("migrate", "migrate", 1, "COMPLETED", START, START.plusSeconds(120),
                                100, 7, 2, null, 0),
                        new RunReport.StageReport("report", "report", 1, "COMPLETED", START.plusSeconds(120), end,
                                0, 0, 0, null, 0)))),
                List.of(new RunReport.Reconciliation("projects", 60, 50, 7, 2, 0, 1L, 0),
                        new RunReport.Reconciliation("addresses", 50, 50, 0, 0, 0, 0L, 0),
                        new RunReport.Reconciliation("documents", 4, 0, 0, 0, 4, null, 0)),
                List.of(new RunReport.ReadBack("projects", 3, 2, 1, 0, 0, List.of(new RunReport.ReadBackDifference(
                        "17", "p-17", "name", "\"<b>Noord</b>\"", "\"Noord\"")))));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
