package io.splice.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Every measurement, by scenario and contender, and their medians. */
final class Results {

    private final Map<String, Map<String, List<Measurement>>> byScenario = new LinkedHashMap<>();
    final List<ThrottleWindows> throttle = new ArrayList<>();
    JfrSummary profile;
    JfrWaits profileWaits;
    Measurement profiledRun;
    /** The memory scenario's runs: Native Memory Tracking's summary at exit, by contender label */
    final Map<String, NativeMemory> nativeMemory = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    void add(String scenario, Measurement measurement) {
        byScenario.computeIfAbsent(scenario, s -> new LinkedHashMap<>())
                .computeIfAbsent(measurement.contender(), c -> new ArrayList<>()).add(measurement);
        System.out.printf("[bench] %-10s %-28s %9d records %8.1f s %9.1f rec/s  cpu %.3f s/1k  rss %.0f MB  machine %.0f%% busy%n",
                scenario, measurement.contender(), measurement.records(), measurement.seconds(), measurement.recordsPerSecond(),
                measurement.cpuPerThousand(), measurement.process().peakRssMb(), measurement.machineBusy() * 100);
    }

    Map<String, List<Measurement>> scenario(String scenario) {
        return byScenario.getOrDefault(scenario, Map.of());
    }

    boolean has(String scenario, String contender) {
        return !scenario(scenario).getOrDefault(contender, List.of()).isEmpty();
    }

    double median(String scenario, String contender, ToDoubleFunction<Measurement> metric) {
        List<Measurement> runs = scenario(scenario).getOrDefault(contender, List.of());
        return median(runs.stream().mapToDouble(metric).toArray());
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
