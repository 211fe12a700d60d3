package io.splice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the JVM's Native Memory Tracking said at exit ({@code -XX:NativeMemoryTracking=summary
 * -XX:+PrintNMTStatistics}): the committed memory per category, in MB. Where a Splice process' RSS goes: the capped
 * heap, class metadata, JIT code, the collector's own structures, thread stacks.
 */
record NativeMemory(double totalMb, Map<String, Double> committedMb) {

    /** The options that make a JVM print its summary at exit (to its stdout, which the harness keeps). */
    static final List<String> JVM_OPTIONS = List.of("-XX:NativeMemoryTracking=summary", "-XX:+UnlockDiagnosticVMOptions",
            "-XX:+PrintNMTStatistics");

    /** The categories a report shows, in this order; the rest are summed as "other". */
    static final List<String> SHOWN = List.of("Java Heap", "Class", "Metaspace", "Code", "GC", "Thread", "Symbol");

    private static final Pattern TOTAL = Pattern.compile("^Total: reserved=(\\d+)\\w*, committed=(\\d+)");
    private static final Pattern CATEGORY = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)\\w*, committed=(\\d+)");

    /** The summary in a child's output, or null when it printed none (killed, or run without the options). */
    static NativeMemory parse(Path childOutput) throws IOException {
        if (!Files.exists(childOutput)) {
            return null;
        }
        Double total = null;
        Map<String, Double> committed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(childOutput)) {
            Matcher t = TOTAL.matcher(line.trim());
            if (t.find()) {
                total = mb(t.group(2));
                committed.clear();
                continue;
            }
            Matcher c = CATEGORY.matcher(line.trim());
            if (total != null && c.find()) {
                committed.put(c.group(1).trim(), mb(c.group(3)));
            }
        }
        return total == null ? null : new NativeMemory(total, committed);
    }

    double shown(String category) {
        return committedMb.getOrDefault(category, 0.0);
    }

    double other() {
        return totalMb - SHOWN.stream().mapToDouble(this::shown).sum();
    }

    private static double mb(String bytes) {
        return Long.parseLong(bytes) / (1024.0 * 1024.0);
    }
}
