package io.splice.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splice end to end as a user runs it: {@code java @config/jvm.options -jar target/splice.jar run --config DIR} with a one-entity
 * definition, PostgreSQL source and ledger, the embedded persistent Artemis, against a sandbox in its own JVM.
 */
final class SpliceContender {

    /** How fast Splice may go: "off" is far above anything this machine reaches. */
    record Rates(long loadRate, long targetRate, long pagesPerSecond) {
        static Rates off() {
            return new Rates(1_000_000, 1_000_000, 100_000);
        }

        static Rates load(long perSecond) {
            return new Rates(perSecond, 1_000_000, 100_000);
        }
    }

    /** A first run, and (optionally) the re-run of the same source with the same ledger: everything skipped. */
    record Result(Measurement run, Measurement rerun, long[] arrivals, Path jfr, Path log) {
    }

    private static final String DEFINITION = """
            # Written by the benchmark harness (src/bench/java/io/splice/bench/SpliceContender.java)
            migration: bench
            entities:
              items:
                source: { table: %s, columns: [id, grp, name, amount, created_at], key: id }
                group: grp
                concurrency: %d
                mapping:
                  fields:
                    legacyId: { column: id, type: integer }
                    groupId: { column: grp, type: integer }
                    name: name
                    amount: { column: amount, type: decimal }
                    createdAt: { column: created_at, type: datetime }
                target: { path: /api/v1/items }
            """;

    private final BenchContext context;

    SpliceContender(BenchContext context) {
        this.context = context;
    }

    Result run(long records, long latencyMillis, Rates rates, boolean rerun, boolean arrivals, boolean profile) throws Exception {
        return run(records, latencyMillis, rates, rerun, arrivals, profile, List.of());
    }

    /** @param extraJvm JVM options for this run only (e.g. a heap limit), after the harness's --jvm-opt ones */
    Result run(long records, long latencyMillis, Rates rates, boolean rerun, boolean arrivals, boolean profile,
               List<String> extraJvm) throws Exception {
        String runName = String.format("%02d-splice-%d-lat%d%s", context.nextRun(), records, latencyMillis, profile ? "-jfr" : "");
        Path dir = context.workRoot().resolve(runName);
        Files.createDirectories(dir.resolve("config/migrations"));
        Files.writeString(dir.resolve("config/migrations/bench.yaml"),
                String.format(DEFINITION, context.databases().sourceOf(records), context.options().consumers()));
        String ledgerUrl = context.databases().freshSpliceLedger(runName);
        try (SandboxProcess sandbox = SandboxProcess.start(context, runName, latencyMillis)) {
            List<String> command = command(dir, ledgerUrl, sandbox.baseUrl(), rates);
            Path jfr = dir.resolve("splice.jfr");
            List<String> jvm = shippedJvmOptions();
            jvm.addAll(extraJvm);
            if (profile) {
                jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr);
            }
            Measurement first = measure(runName, jvm, command, ledgerUrl, false);
            requireAllMigrated(first, records, sandbox.records());
            long[] times = arrivals ? sandbox.arrivals(dir.resolve("arrivals.txt")) : null;
            Measurement second = rerun ? measure(runName + "-rerun", shippedJvmOptions(), command, ledgerUrl, true) : null;
            if (second != null && second.records() != records) {
                throw new IllegalStateException("the re-run skipped " + second.records() + " of " + records);
            }
            ChildProcess.Usage sandboxUsage = sandbox.stop();
            first = new Measurement(first.contender(), first.records(), first.seconds(), first.process(), sandboxUsage, first.machineBusy());
            return new Result(first, second, times, profile ? jfr : null, context.logDir().resolve(runName + ".out"));
        } finally {
            context.databases().drop(ledgerUrl);
        }
    }

    /**
     * Splice runs as the Dockerfile starts it: with config/jvm.options (a bounded heap), then the harness's --jvm-opt
     * ones (a later -Xmx wins); --splice-jvm-defaults leaves the file out, as a bare {@code java -jar} does.
     */
    private List<String> shippedJvmOptions() {
        List<String> jvm = new ArrayList<>();
        if (!context.options().spliceJvmDefaults()) {
            jvm.add("@" + Path.of("config/jvm.options").toAbsolutePath());
        }
        jvm.addAll(context.options().jvmOptions());
        return jvm;
    }

    private List<String> command(Path dir, String ledgerUrl, String targetUrl, Rates rates) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("splice.work-dir", dir.resolve("work").toString());
        properties.put("splice.source.url", context.databases().sourceUrl());
        properties.put("splice.source.username", "postgres");
        properties.put("splice.ledger.url", ledgerUrl);
        properties.put("splice.ledger.username", "postgres");
        properties.put("splice.target.url", targetUrl);
        properties.put("splice.extract.page-size", String.valueOf(context.options().pageSize()));
        properties.put("splice.load.rate", String.valueOf(rates.loadRate()));
        properties.put("splice.target.rate", String.valueOf(rates.targetRate()));
        properties.put("splice.extract.pages-per-second", String.valueOf(rates.pagesPerSecond()));
        List<String> command = new ArrayList<>(List.of("-jar", context.spliceJar().toString(), "run",
                "--config", dir.resolve("config").toString()));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        return command;
    }

    private Measurement measure(String name, List<String> jvm, List<String> command, String ledgerUrl, boolean rerun) throws Exception {
        MachineCpu before = MachineCpu.now();
        ChildProcess child = ChildProcess.start(context.logDir(), name, jvm, command);
        ChildProcess.Usage usage = child.await(4 * 3600);
        double busy = MachineCpu.now().busySince(before);
        try (Connection ledger = context.databases().connect(ledgerUrl); Statement s = ledger.createStatement()) {
            double seconds = single(s, "select extract(epoch from finished_at - started_at) from splice_stage "
                    + "where kind = 'migrate' and status = 'COMPLETED' order by started_at desc limit 1");
            long records = rerun
                    ? (long) single(s, "select e.skipped_count from splice_run_entity e join splice_run r on r.run_id = e.run_id "
                            + "order by r.started_at desc limit 1")
                    : (long) single(s, "select count(*) from splice_record where status = 'MIGRATED'");
            return new Measurement(rerun ? "Splice re-run (skipped)" : "Splice", records, seconds, usage, null, busy);
        }
    }

    private static void requireAllMigrated(Measurement run, long records, long atSandbox) {
        if (run.records() != records || atSandbox != records) {
            throw new IllegalStateException("Splice migrated " + run.records() + " of " + records + "; the sandbox holds " + atSandbox);
        }
    }

    private static double single(Statement s, String sql) throws Exception {
        try (ResultSet row = s.executeQuery(sql)) {
            if (!row.next()) {
                throw new IllegalStateException("no row for " + sql);
            }
            return row.getDouble(1);
        }
    }
}
