package io.splice.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The harness's command line; {@code --quick} shrinks every size so a try-out takes a few minutes. */
record BenchOptions(List<String> commandLine, boolean quick, long records, int repeats, int groups, int consumers,
                    long latencyRecords, long latencyB1Records, long latencyMillis, List<Long> memorySizes, int memoryRepeats,
                    int throttleRate, int throttleSeconds, int throttleRepeats, long loadRequests, int loadThreads,
                    int sandboxThreads, int pageSize, String memoryHeap, Set<String> scenarios, List<String> jvmOptions,
                    boolean spliceJvmDefaults, Path output,
                    String pgHost, int pgPort) {

    static final Set<String> ALL_SCENARIOS = Set.of("raw", "latency0", "latency20", "memory", "throttle", "profile");

    static BenchOptions parse(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        long records = quick ? 5_000 : 200_000;
        int repeats = quick ? 1 : 3;
        int groups = 64;
        int consumers = 8;
        long latencyRecords = quick ? 1_000 : 20_000;
        long latencyB1Records = quick ? 200 : 2_000;
        long latencyMillis = 20;
        List<Long> memorySizes = quick ? List.of(5_000L, 20_000L) : List.of(100_000L, 1_000_000L);
        int memoryRepeats = quick ? 1 : 3;
        int throttleRate = 200;
        int throttleSeconds = quick ? 10 : 60;
        int throttleRepeats = quick ? 1 : 3;
        long loadRequests = quick ? 5_000 : 100_000;
        int loadThreads = 16;
        int sandboxThreads = 16;
        int pageSize = 200;
        String memoryHeap = null;
        Set<String> scenarios = new TreeSet<>(ALL_SCENARIOS);
        List<String> jvm = new ArrayList<>();
        boolean spliceJvmDefaults = false;
        Path output = Path.of("BENCHMARKS.md");
        String pgHost = env("SPLICE_BENCH_PG_HOST", "127.0.0.1");
        int pgPort = Integer.parseInt(env("SPLICE_BENCH_PG_PORT", "5432"));
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--quick" -> { }
                case "--records" -> { records = Long.parseLong(value); i++; }
                case "--repeats" -> { repeats = Integer.parseInt(value); memoryRepeats = repeats; throttleRepeats = repeats; i++; }
                case "--memory-repeats" -> { memoryRepeats = Integer.parseInt(value); i++; }
                case "--throttle-repeats" -> { throttleRepeats = Integer.parseInt(value); i++; }
                case "--groups" -> { groups = Integer.parseInt(value); i++; }
                case "--consumers" -> { consumers = Integer.parseInt(value); i++; }
                case "--latency-records" -> { latencyRecords = Long.parseLong(value); i++; }
                case "--latency-b1-records" -> { latencyB1Records = Long.parseLong(value); i++; }
                case "--memory-sizes" -> { memorySizes = Arrays.stream(value.split(",")).map(Long::parseLong).toList(); i++; }
                case "--memory-heap" -> { memoryHeap = value; i++; }
                case "--throttle-seconds" -> { throttleSeconds = Integer.parseInt(value); i++; }
                case "--load-requests" -> { loadRequests = Long.parseLong(value); i++; }
                case "--scenarios" -> { scenarios = new TreeSet<>(Arrays.asList(value.split(","))); i++; }
                case "--jvm-opt" -> { jvm.add(value); i++; }
                case "--splice-jvm-defaults" -> spliceJvmDefaults = true;
                case "--output" -> { output = Path.of(value); i++; }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + usage());
            }
        }
        if (!ALL_SCENARIOS.containsAll(scenarios)) {
            throw new IllegalArgumentException("--scenarios takes a comma-separated subset of " + new TreeSet<>(ALL_SCENARIOS));
        }
        return new BenchOptions(List.of(args), quick, records, repeats, groups, consumers, latencyRecords, latencyB1Records,
                latencyMillis, memorySizes, memoryRepeats, throttleRate, throttleSeconds, throttleRepeats, loadRequests,
                loadThreads, sandboxThreads, pageSize, memoryHeap, scenarios, List.copyOf(jvm), spliceJvmDefaults, output,
                pgHost, pgPort);
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** The largest table a selected scenario reads (so a run of one scenario does not generate a million rows). */
    long largestSource() {
        long largest = 0;
        if (runs("raw") || runs("latency0") || runs("profile")) {
            largest = records;
        }
        if (runs("latency20")) {
            largest = Math.max(largest, Math.max(latencyRecords, latencyB1Records));
        }
        if (runs("memory")) {
            for (long size : memorySizes) {
                largest = Math.max(largest, size);
            }
        }
        if (runs("throttle")) {
            largest = Math.max(largest, (long) throttleRate * throttleSeconds);
        }
        return largest;
    }

    static String usage() {
        return "bench/run.sh [--quick] [--records N] [--repeats N] [--memory-sizes N,M] [--memory-repeats N] [--memory-heap 256m] [--latency-records N]\n"
                + "             [--latency-b1-records N] [--throttle-seconds S] [--throttle-repeats N] [--load-requests N] [--groups N]\n"
                + "             [--consumers N] [--scenarios " + String.join(",", new TreeSet<>(ALL_SCENARIOS)) + "] [--jvm-opt OPT]... [--splice-jvm-defaults] [--output FILE]";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
