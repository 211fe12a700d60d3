package io.splice.bench;

import java.util.ArrayList;
import java.util.List;

/** Starts the hand-written contenders (B1, B2), the raw source reader and the load generator, each in its own JVM. */
final class Baselines {

    private final BenchContext context;

    Baselines(BenchContext context) {
        this.context = context;
    }

    Measurement sourceRead(long records) throws Exception {
        String table = context.databases().sourceOf(records);
        return measure("raw-read", null, List.of(SourceRead.class.getName(), context.databases().sourceUrl(), table,
                String.valueOf(context.options().pageSize())), records, 0);
    }

    Measurement loadGenerator(long requests, long latencyMillis) throws Exception {
        return measure("raw-accept", latencyMillis, List.of(LoadGenerator.class.getName(), "{target}",
                String.valueOf(requests), String.valueOf(context.options().loadThreads())), requests, latencyMillis);
    }

    /** B1 with one thread, B2 with {@code threads}: page, POST, ledger insert per record. */
    Measurement handLoop(String name, int threads, long records, long latencyMillis) throws Exception {
        context.databases().truncateHandLedger();
        String table = context.databases().sourceOf(records);
        return measure(name, latencyMillis, List.of(HandLoop.class.getName(), context.databases().sourceUrl(),
                context.databases().handLedgerUrl(), "{target}", table, String.valueOf(threads),
                String.valueOf(context.options().groups()), String.valueOf(context.options().pageSize())), records, latencyMillis);
    }

    /** @param latencyMillis the sandbox's latency, or null when the contender needs no sandbox */
    private Measurement measure(String name, Long latencyMillis, List<String> arguments, long expected, long latency) throws Exception {
        String runName = String.format("%02d-%s-%d-lat%d", context.nextRun(), name, expected, latency);
        SandboxProcess sandbox = latencyMillis == null ? null : SandboxProcess.start(context, runName, latencyMillis);
        try {
            List<String> args = new ArrayList<>();
            for (String argument : arguments) {
                args.add(argument.equals("{target}") ? sandbox.baseUrl() : argument);
            }
            List<String> jvm = new ArrayList<>(context.options().jvmOptions());
            jvm.addAll(List.of("-cp", context.classpath()));
            MachineCpu before = MachineCpu.now();
            ChildProcess child = ChildProcess.start(context.logDir(), runName, jvm, args);
            ChildProcess.Usage usage = child.await(4 * 3600);
            double busy = MachineCpu.now().busySince(before);
            String[] result = child.lastLine("RESULT ").split(" ");
            long records = Long.parseLong(result[0]);
            // the contenders that POST say how many requests they sent again (the source read sends none)
            long resent = sandbox == null ? 0 : Long.parseLong(child.lastLine("RESENT "));
            if (resent > 0) {
                // counted once each all the same (Idempotency-Key); said, because it costs the contender time
                System.out.printf("[bench] %s sent %d requests again after a failed connection (BenchHttp)%n", name, resent);
            }
            if (records != expected) {
                throw new IllegalStateException(name + " moved " + records + " of " + expected + "; see " + child.outputFile());
            }
            if (sandbox != null && sandbox.records() != expected) {
                throw new IllegalStateException(name + ": the sandbox holds " + sandbox.records() + " records, not " + expected);
            }
            ChildProcess.Usage sandboxUsage = sandbox == null ? null : sandbox.stop();
            return new Measurement(name, records, Double.parseDouble(result[1]), usage, sandboxUsage, busy);
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
