package io.splice.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The benchmark: Splice beside hand-written baselines on one generated PostgreSQL source and one sandbox target, then
 * BENCHMARKS.md. Started by {@code bench/run.sh}, which builds the jar and compiles this directory.
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println(BenchOptions.usage());
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path workRoot = Path.of("target/bench", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                .toAbsolutePath();
        Files.createDirectories(workRoot);
        String classpath = System.getProperty("bench.classpath");
        Path jar = Path.of("target/splice.jar").toAbsolutePath();
        Results results = new Results();
        long started = System.nanoTime();
        MachineFacts machine;
        try (BenchDatabase databases = new BenchDatabase(options.pgHost(), options.pgPort())) {
            machine = MachineFacts.collect(databases.url("postgres"));
            System.out.println("[bench] generating " + options.largestSource() + " source records; logs in " + workRoot);
            databases.createSource(options.largestSource(), options.groups());
            databases.createHandLedger();
            BenchContext context = new BenchContext(options, databases, workRoot, classpath, jar, new java.util.concurrent.atomic.AtomicInteger());
            Scenarios scenarios = new Scenarios(context, results);
            for (String scenario : Scenarios.ORDER) {
                if (!options.runs(scenario)) {
                    continue;
                }
                try {
                    scenarios.run(scenario);
                } catch (Exception e) {
                    // one broken scenario must not cost the figures of the others
                    results.notes.add("Scenario " + scenario + " failed and is incomplete: " + e + " (logs in " + workRoot + ")");
                    e.printStackTrace();
                }
                // after every scenario, so an interrupted run still leaves its figures
                MarkdownReport.write(options, results, machine, MachineFacts.loadAverage(), (System.nanoTime() - started) / 60e9,
                        options.output());
            }
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        MarkdownReport.write(options, results, machine, MachineFacts.loadAverage(), minutes, options.output());
        System.out.println("[bench] wrote " + options.output().toAbsolutePath() + " after " + String.format("%.1f", minutes) + " min");
    }
}
