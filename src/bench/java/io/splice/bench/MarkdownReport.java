package io.splice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** BENCHMARKS.md: the command, the machine, the issue's targets met or missed, a table per scenario, every run. */
final class MarkdownReport {

    private final BenchOptions o;
    private final Results r;
    private final StringBuilder md = new StringBuilder();

    private MarkdownReport(BenchOptions options, Results results) {
        this.o = options;
        this.r = results;
    }

    static void write(BenchOptions options, Results results, MachineFacts machine, String loadAtEnd, double minutes, Path file)
            throws IOException {
        MarkdownReport report = new MarkdownReport(options, results);
        report.header(machine, loadAtEnd, minutes);
        new TargetsSection(options, results, report.md).write();
        report.latencyZero();
        report.raw();
        report.latencyTwenty();
        report.rerun();
        report.memory();
        report.throttle();
        report.profile();
        report.method();
        report.allRuns();
        Files.writeString(file, report.md.toString());
    }

    private void header(MachineFacts m, String loadAtEnd, double minutes) {
        line("# Benchmarks");
        line("");
        line("Written by the benchmark harness (`src/bench/java/io/splice/bench`, issue 7) — do not edit by hand; run it again.");
        line("");
        line("```bash");
        line(("bench/run.sh " + String.join(" ", o.commandLine())).trim());
        line("```");
        line("");
        line("| Machine | |");
        line("|---|---|");
        line("| date | " + m.date() + " (the run took " + f1(minutes) + " min) |");
        line("| CPUs (nproc) | " + m.cpus() + " × " + m.cpuModel() + " |");
        line("| memory | " + m.memory() + " |");
        line("| java | " + m.java() + " |");
        line("| database | " + m.postgres() + " on " + o.pgHost() + ":" + o.pgPort() + " (source, ledgers: same server) |");
        line("| kernel | " + m.kernel() + " |");
        line("| load average at start / end | " + m.loadAtStart() + " / " + loadAtEnd + " |");
        line("| other java/mvn processes at start | " + (m.otherUsers().isEmpty() ? "none" : m.otherUsers().size()
                + " (the machine was shared: absolute figures are noisy, compare the ratios)") + " |");
        line("| JVM default max heap here | " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB (a quarter of memory: what a contender without -Xmx may grow into) |");
        String extra = o.jvmOptions().isEmpty() ? "" : " `" + String.join(" ", o.jvmOptions()) + "`";
        line("| contender JVM options | B1, B2: " + (extra.isEmpty() ? "none (JVM defaults)" : extra) + "; Splice: "
                + (o.spliceJvmDefaults() ? "none (JVM defaults, a bare `java -jar`)" : "`@config/jvm.options` (as the "
                + "Dockerfile starts it: " + shippedOptions() + ")") + extra + " |");
        line("");
        for (String note : r.notes) {
            line("> " + note);
        }
        line("");
    }

    private void latencyZero() {
        line("## Throughput at target latency 0 (" + n(o.records()) + " records, " + o.groups() + " groups, rate limits off)");
        line("");
        contenderTable(Scenarios.LATENCY_0);
        if (r.has(Scenarios.LATENCY_0, "Splice")) {
            line("");
            line(TargetsSection.ratio(r, Scenarios.LATENCY_0, "B2") + ", " + TargetsSection.ratio(r, Scenarios.LATENCY_0, "B1")
                    + " (records/s, medians). CPU: Splice uses " + f2(TargetsSection.cpuRatio(r, Scenarios.LATENCY_0))
                    + "× B2's CPU-seconds per 1,000 records.");
        }
        line("");
    }

    private void raw() {
        line("## The physical limit on this machine");
        line("");
        line("Raw source read: one JDBC connection, keyset pages of " + o.pageSize() + ", every column read, nothing else ("
                + n(o.records()) + " rows). Raw acceptance: " + o.loadThreads() + " client threads POSTing "
                + n(o.loadRequests()) + " records of the same shape to a sandbox with " + o.sandboxThreads() + " handler threads, latency 0.");
        line("");
        contenderTable(Scenarios.RAW);
        line("");
    }

    private void latencyTwenty() {
        line("## Target latency " + o.latencyMillis() + " ms (rate limits off)");
        line("");
        line("Splice and B2: " + n(o.latencyRecords()) + " records; B1 (one request at a time, at most "
                + (1000 / Math.max(1, o.latencyMillis())) + "/s): " + n(o.latencyB1Records()) + " records.");
        line("");
        contenderTable(Scenarios.LATENCY_20);
        if (r.has(Scenarios.LATENCY_20, "Splice")) {
            line("");
            line(TargetsSection.ratio(r, Scenarios.LATENCY_20, "B2") + ", " + TargetsSection.ratio(r, Scenarios.LATENCY_20, "B1") + ".");
        }
        line("");
    }

    private void rerun() {
        line("## Re-run of a fully migrated source");
        line("");
        line("The same `run` again, same ledger, after the latency-0 run: every record is read and skipped (records/s = skipped per second of the migrate stage).");
        line("");
        contenderTable(Scenarios.RERUN);
        line("");
    }

    private void memory() {
        line("## Memory: " + String.join(" vs ", o.memorySizes().stream().map(MarkdownReport::n).toList()) + " records (Splice, latency 0)");
        line("");
        contenderTable(Scenarios.MEMORY);
        line("");
        if (!r.nativeMemory.isEmpty()) {
            line("Where each run's memory was at exit, from the JVM's Native Memory Tracking (committed MB; the runs above"
                    + " have `" + String.join(" ", NativeMemory.JVM_OPTIONS) + "`; the tracking itself takes ~7 MB, the same at every size). Committed is not resident (a"
                    + " committed page counts in RSS once touched), and RSS also holds what the JVM does not track (native"
                    + " code outside it, the free space in glibc's malloc arenas).");
            line("");
            line("| run | total | " + String.join(" | ", NativeMemory.SHOWN) + " | other |");
            line("|---|---:|" + "---:|".repeat(NativeMemory.SHOWN.size()) + "---:|");
            r.nativeMemory.forEach((run, nmt) -> line("| " + run + " | " + mb(nmt.totalMb()) + " | "
                    + String.join(" | ", NativeMemory.SHOWN.stream().map(c -> mb(nmt.shown(c))).toList()) + " | "
                    + mb(nmt.other()) + " |"));
            line("");
        }
    }

    private static String mb(double value) {
        return String.format("%.0f", value);
    }

    private void throttle() {
        line("## Throttle precision");
        line("");
        line("Splice with `splice.load.rate=" + o.throttleRate() + "` (the default `splice.load.rate-period-millis=1020`), "
                + n((long) o.throttleRate() * o.throttleSeconds()) + " records (" + o.throttleSeconds()
                + " s at that rate), target latency 0; arrival times taken by the sandbox (System.nanoTime first thing in its handler).");
        line("");
        if (r.throttle.isEmpty()) {
            line("_Not measured in this run._");
            line("");
            return;
        }
        line("| run | requests | first→last arrival s | mean req/s | vs configured | worst 1-s window | vs configured | emptiest 1-s window |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|");
        int i = 1;
        for (ThrottleWindows w : r.throttle) {
            line("| " + i++ + " | " + w.requests() + " | " + f1(w.seconds()) + " | " + f2(w.meanPerSecond()) + " | "
                    + pct(w.meanPerSecond() / o.throttleRate() - 1) + " | " + w.worstWindow() + " | "
                    + pct((double) w.worstWindow() / o.throttleRate() - 1) + " | " + w.emptiestWindow() + " |");
        }
        line("");
    }

    private void profile() {
        if (r.profile == null) {
            return;
        }
        ProfileSection.write(r, md);
    }

    private void method() {
        line("## How each figure is taken");
        line("");
        line("- Every contender, the sandbox target and the load generator run in their **own JVM** under `/usr/bin/time`: "
                + "CPU-seconds are that process's user+system time (start-up and shutdown included), peak RSS its maximum resident set. "
                + "The sandbox is a fresh `SandboxTarget` JVM per run (`BenchSandbox`, " + o.sandboxThreads() + " handler threads); PostgreSQL's CPU is nobody's column.");
        line("- records/s: records ÷ the contender's own timing of its work — B1/B2: first query to last ledger insert; "
                + "Splice: its `migrate` stage (from `splice_stage` in its ledger: extract, queue, send, ledger, until every record has an outcome). "
                + "`wall s` is the whole process, JVM start to exit (Splice: Camel, broker, Flyway start-up and shutdown too).");
        line("- Splice: `java @config/jvm.options -jar target/splice.jar run --config DIR` (the Dockerfile's start; see the machine table) with a one-entity definition (table form, keyset on `id`, group `grp`, "
                + "`concurrency: " + o.consumers() + "`, 5 mapped fields, typed), PostgreSQL source and ledger (a new ledger database per run), "
                + "the embedded persistent Artemis (NIO journal under the run's work dir), bundled defaults except `splice.load.rate`, "
                + "`splice.target.rate` (10⁶/s: off) and `splice.extract.pages-per-second` (10⁵: off); page size " + o.pageSize() + ".");
        line("- B1: one thread — keyset page (" + o.pageSize() + ") → per record: JSON (Jackson), POST with java.net.http (HTTP/1.1 keep-alive, "
                + "Idempotency-Key) → parse the id → `insert … on conflict do update` into a ledger table (autocommit). "
                + "B2: the same on " + o.consumers() + " threads, each owning the groups g with g % " + o.consumers()
                + " = its number, read group by group in key order (index on (grp, id)).");
        line("- Each scenario's contenders take turns (B1, B2, Splice, B1, …) so that load from other users hits them alike; "
                + "the tables show medians, the last section every run. `machine busy` is the share of all CPUs busy (anyone's) during the run.");
        line("");
    }

    private void allRuns() {
        line("## Every run");
        line("");
        line("| scenario | contender | records | s | records/s | CPU s | CPU s / 1k | peak RSS MB | wall s | sandbox CPU s | machine busy |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String scenario : List.of(Scenarios.RAW, Scenarios.LATENCY_0, Scenarios.RERUN, Scenarios.LATENCY_20, Scenarios.MEMORY)) {
            for (Map.Entry<String, List<Measurement>> e : r.scenario(scenario).entrySet()) {
                for (Measurement m : e.getValue()) {
                    line("| " + scenario + " | " + m.contender() + " | " + m.records() + " | " + f1(m.seconds()) + " | "
                            + f1(m.recordsPerSecond()) + " | " + f1(m.process().cpuSeconds()) + " | " + f3(m.cpuPerThousand()) + " | "
                            + f0(m.process().peakRssMb()) + " | " + f1(m.process().wallSeconds()) + " | "
                            + (m.sandbox() == null ? "–" : f1(m.sandbox().cpuSeconds())) + " | " + pct0(m.machineBusy()) + " |");
                }
            }
        }
        line("");
    }

    private void contenderTable(String scenario) {
        Map<String, List<Measurement>> runs = r.scenario(scenario);
        if (runs.isEmpty()) {
            line("_Not measured in this run._");
            return;
        }
        line("| contender | runs | records | records/s | CPU s / 1k records | peak RSS MB | wall s | sandbox CPU s / 1k | machine busy |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, List<Measurement>> e : runs.entrySet()) {
            String c = e.getKey();
            List<Measurement> list = e.getValue();
            line("| " + c + " | " + list.size() + " | " + n(list.get(0).records()) + " | "
                    + f1(r.median(scenario, c, Measurement::recordsPerSecond)) + " | " + f3(r.median(scenario, c, Measurement::cpuPerThousand)) + " | "
                    + f0(r.median(scenario, c, m -> m.process().peakRssMb())) + " | " + f1(r.median(scenario, c, m -> m.process().wallSeconds())) + " | "
                    + (list.get(0).sandbox() == null ? "–" : f3(r.median(scenario, c, m -> m.sandbox().cpuSeconds() * 1000 / m.records()))) + " | "
                    + pct0(r.median(scenario, c, Measurement::machineBusy)) + " |");
        }
    }

    private void line(String text) {
        md.append(text).append('\n');
    }

    static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%+.1f%%", v * 100);
    }

    static String pct0(double v) {
        return Double.isNaN(v) ? "?" : String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    // the options config/jvm.options holds, for the machine table
    private static String shippedOptions() {
        try {
            return "`" + String.join(" ", java.nio.file.Files.readAllLines(java.nio.file.Path.of("config/jvm.options")).stream()
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) + "`";
        } catch (java.io.IOException e) {
            return "config/jvm.options unreadable: " + e.getMessage();
        }
    }
}
