package io.splice.bench;

import java.util.List;
import java.util.Locale;

import static io.splice.bench.MarkdownReport.f0;
import static io.splice.bench.MarkdownReport.f1;
import static io.splice.bench.MarkdownReport.f2;
import static io.splice.bench.MarkdownReport.n;

/** Issue 7's targets, each with what was measured and whether it is met — and if not, by how much. */
final class TargetsSection {

    private final BenchOptions o;
    private final Results r;
    private final StringBuilder md;

    TargetsSection(BenchOptions options, Results results, StringBuilder md) {
        this.o = options;
        this.r = results;
        this.md = md;
    }

    static double speedRatio(Results r, String scenario, String baseline) {
        return r.median(scenario, "Splice", Measurement::recordsPerSecond) / r.median(scenario, baseline, Measurement::recordsPerSecond);
    }

    static String ratio(Results r, String scenario, String baseline) {
        return "`Splice/" + baseline + " = " + f2(speedRatio(r, scenario, baseline)) + "`";
    }

    static double cpuRatio(Results r, String scenario) {
        return r.median(scenario, "Splice", Measurement::cpuPerThousand) / r.median(scenario, "B2", Measurement::cpuPerThousand);
    }

    void write() {
        line("## Issue 7's targets (medians" + (o.quick() ? "; **--quick sizes, not the issue's**" : "") + ")");
        line("");
        line("| target | measured | verdict |");
        line("|---|---|---|");
        if (r.has(Scenarios.LATENCY_0, "Splice")) {
            atLeast("Splice ≥ 1.2× B2 at latency 0", ratio(r, Scenarios.LATENCY_0, "B2"), speedRatio(r, Scenarios.LATENCY_0, "B2"), 1.2);
            atLeast("Splice ≥ 3× B1 at latency 0", ratio(r, Scenarios.LATENCY_0, "B1"), speedRatio(r, Scenarios.LATENCY_0, "B1"), 3.0);
            atMost("Splice CPU-s per 1,000 records ≤ 1.5× B2's", f2(cpuRatio(r, Scenarios.LATENCY_0)) + "× ("
                    + cpu(Scenarios.LATENCY_0, "Splice") + " vs " + cpu(Scenarios.LATENCY_0, "B2") + " s)", cpuRatio(r, Scenarios.LATENCY_0), 1.5);
        }
        if (r.has(Scenarios.LATENCY_20, "Splice")) {
            double bound = 0.9 * o.consumers() / (o.latencyMillis() / 1000.0);
            double splice = r.median(Scenarios.LATENCY_20, "Splice", Measurement::recordsPerSecond);
            atLeast("at " + o.latencyMillis() + " ms, ≥ 0.9 × (" + o.consumers() + " consumers ÷ " + o.latencyMillis() / 1000.0
                    + " s) = " + f0(bound) + " records/s", f1(splice) + " records/s", splice, bound);
        }
        if (!r.throttle.isEmpty()) {
            double farthest = r.throttle.stream().mapToDouble(w -> w.meanPerSecond() / o.throttleRate() - 1)
                    .reduce(0, (a, b) -> Math.abs(b) > Math.abs(a) ? b : a);
            String verdict = Math.abs(farthest) <= 0.02 ? "met" : "**missed** by " + pp(Math.abs(farthest) - 0.02) + " points";
            line("| throttle mean within ±2% of " + o.throttleRate() + " req/s | farthest run " + pct(farthest) + " ("
                    + r.throttle.size() + " runs) | " + verdict + " |");
            int worst = r.throttle.stream().mapToInt(ThrottleWindows::worstWindow).max().orElse(0);
            atMost("no 1-second window above +10% (" + (int) (o.throttleRate() * 1.1) + ")", worst + " requests in the worst window",
                    worst, o.throttleRate() * 1.1);
        }
        if (r.has(Scenarios.RERUN, "Splice re-run (skipped)")) {
            double skipped = r.median(Scenarios.RERUN, "Splice re-run (skipped)", Measurement::recordsPerSecond);
            atLeast("re-run skips ≥ 50,000 records/s", f0(skipped) + " records/s", skipped, 50_000);
        }
        double rss = maxSpliceRss();
        if (!Double.isNaN(rss)) {
            atMost("Splice peak RSS ≤ 512 MB", f0(rss) + " MB (largest median of any Splice scenario)", rss, 512);
        }
        if (r.scenario(Scenarios.MEMORY).size() >= 2) {
            List<Long> sizes = o.memorySizes();
            long small = sizes.get(0);
            long large = sizes.get(sizes.size() - 1);
            double a = r.median(Scenarios.MEMORY, "Splice " + small, m -> m.process().peakRssMb());
            double b = r.median(Scenarios.MEMORY, "Splice " + large, m -> m.process().peakRssMb());
            double growth = b / a - 1;
            line("| peak RSS within 10% between " + n(small) + " and " + n(large) + " records | " + f0(a) + " → " + f0(b)
                    + " MB (" + pct(growth) + ") | " + (Math.abs(growth) <= 0.10 ? "met" : "**missed** by "
                    + pp(Math.abs(growth) - 0.10) + " points") + " |");
        }
        line("");
    }

    private double maxSpliceRss() {
        double max = Double.NaN;
        for (String scenario : List.of(Scenarios.LATENCY_0, Scenarios.LATENCY_20, Scenarios.MEMORY)) {
            for (String contender : r.scenario(scenario).keySet()) {
                if (contender.startsWith("Splice") && !contender.contains("-Xmx")) {
                    double v = r.median(scenario, contender, m -> m.process().peakRssMb());
                    max = Double.isNaN(max) ? v : Math.max(max, v);
                }
            }
        }
        return max;
    }

    private String cpu(String scenario, String contender) {
        return String.format(Locale.ROOT, "%.3f", r.median(scenario, contender, Measurement::cpuPerThousand));
    }

    private void atLeast(String target, String measured, double value, double bound) {
        line("| " + target + " | " + measured + " | " + (value >= bound ? "met (" + pct(value / bound - 1) + " above)"
                : "**missed** by " + pct(1 - value / bound).substring(1) + " (" + f2(value / bound) + "× the target)") + " |");
    }

    private void atMost(String target, String measured, double value, double bound) {
        line("| " + target + " | " + measured + " | " + (value <= bound ? "met"
                : "**missed** by " + pct(value / bound - 1).substring(1) + " over") + " |");
    }

    private static String pct(double v) {
        return MarkdownReport.pct(v);
    }

    private static String pp(double v) {
        return String.format(Locale.ROOT, "%.1f", v * 100);
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}
