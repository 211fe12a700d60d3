package io.splice.bench;

/**
 * The scenarios of issue 7, each contender repeated; repeats are interleaved (B1, B2, Splice, B1, ...) so that a
 * neighbour's load on the shared machine hits every contender alike.
 */
final class Scenarios {

    static final String RAW = "raw";
    static final String LATENCY_0 = "latency0";
    static final String LATENCY_20 = "latency20";
    static final String MEMORY = "memory";
    static final String RERUN = "rerun";

    private final BenchContext context;
    private final BenchOptions options;
    private final Results results;
    private final Baselines baselines;
    private final SpliceContender splice;

    Scenarios(BenchContext context, Results results) {
        this.context = context;
        this.options = context.options();
        this.results = results;
        this.baselines = new Baselines(context);
        this.splice = new SpliceContender(context);
    }

    /** The scenarios in the order they run. */
    static final java.util.List<String> ORDER = java.util.List.of("raw", "latency0", "latency20", "throttle", "memory", "profile");

    void run(String scenario) throws Exception {
        switch (scenario) {
            case "raw" -> raw();
            case "latency0" -> latencyZero();
            case "latency20" -> latencyTwenty();
            case "memory" -> memory();
            case "throttle" -> throttle();
            case "profile" -> profile();
            default -> throw new IllegalArgumentException(scenario);
        }
    }

    private void raw() throws Exception {
        for (int i = 0; i < options.repeats(); i++) {
            results.add(RAW, baselines.sourceRead(options.records()));
            results.add(RAW, baselines.loadGenerator(options.loadRequests(), 0));
        }
    }

    private void latencyZero() throws Exception {
        for (int i = 0; i < options.repeats(); i++) {
            results.add(LATENCY_0, baselines.handLoop("B1", 1, options.records(), 0));
            results.add(LATENCY_0, baselines.handLoop("B2", options.consumers(), options.records(), 0));
            SpliceContender.Result run = splice.run(options.records(), 0, SpliceContender.Rates.off(), true, false, false);
            results.add(LATENCY_0, run.run());
            results.add(RERUN, run.rerun());
        }
    }

    private void latencyTwenty() throws Exception {
        for (int i = 0; i < options.repeats(); i++) {
            results.add(LATENCY_20, baselines.handLoop("B1", 1, options.latencyB1Records(), options.latencyMillis()));
            results.add(LATENCY_20, baselines.handLoop("B2", options.consumers(), options.latencyRecords(), options.latencyMillis()));
            results.add(LATENCY_20, splice.run(options.latencyRecords(), options.latencyMillis(), SpliceContender.Rates.off(),
                    false, false, false).run());
        }
    }

    private void memory() throws Exception {
        for (int i = 0; i < options.memoryRepeats(); i++) {
            for (long size : options.memorySizes()) {
                // with Native Memory Tracking (a few MB of its own, the same at every size): what the RSS is made of
                SpliceContender.Result run = splice.run(size, 0, SpliceContender.Rates.off(), false, false, false,
                        NativeMemory.JVM_OPTIONS);
                Measurement m = run.run();
                String label = "Splice " + size;
                results.add(MEMORY, new Measurement(label, m.records(), m.seconds(), m.process(), m.sandbox(), m.machineBusy()));
                NativeMemory nmt = NativeMemory.parse(run.log());
                if (nmt != null) {
                    results.nativeMemory.put(label + (options.memoryRepeats() > 1 ? " (run " + (i + 1) + ")" : ""), nmt);
                }
            }
        }
        if (options.memoryHeap() != null) {
            // does the largest size also go through with a small heap? Then what RSS shows is the JVM's choice, not Splice's need
            long size = options.memorySizes().get(options.memorySizes().size() - 1);
            Measurement m = splice.run(size, 0, SpliceContender.Rates.off(), false, false, false,
                    java.util.List.of("-Xmx" + options.memoryHeap())).run();
            results.add(MEMORY, new Measurement("Splice " + size + " -Xmx" + options.memoryHeap(), m.records(), m.seconds(),
                    m.process(), m.sandbox(), m.machineBusy()));
        }
    }

    private void throttle() throws Exception {
        long records = (long) options.throttleRate() * options.throttleSeconds();
        for (int i = 0; i < options.throttleRepeats(); i++) {
            SpliceContender.Result run = splice.run(records, 0, SpliceContender.Rates.load(options.throttleRate()), false, true, false);
            ThrottleWindows windows = ThrottleWindows.of(run.arrivals());
            results.throttle.add(windows);
            System.out.printf("[bench] throttle: %d requests in %.1f s, mean %.2f/s, worst 1-s window %d, emptiest %d%n",
                    windows.requests(), windows.seconds(), windows.meanPerSecond(), windows.worstWindow(), windows.emptiestWindow());
        }
    }

    private void profile() throws Exception {
        SpliceContender.Result run = splice.run(options.records(), 0, SpliceContender.Rates.off(), false, false, true);
        results.profiledRun = run.run();
        results.profile = JfrSummary.read(run.jfr());
        results.profileWaits = JfrWaits.read(run.jfr(), JfrWaits.BUSY_THREADS, 15);
        System.out.printf("[bench] profiled Splice run: %.1f rec/s (JFR on), %d samples%n",
                run.run().recordsPerSecond(), results.profile.samples());
    }
}
