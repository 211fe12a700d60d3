package io.splice.pipeline;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Counts a run's retries by cause ("HTTP 503", "SocketTimeoutException"), so the end of the run says them in one line
 * instead of a WARN per retry. Calls that waited for a target that did not answer are counted apart.
 */
public class RetrySummary {

    static final String WAITED = "waited for the target";
    private static final String NO_RUN = "";

    private final Map<String, Map<String, LongAdder>> byRun = new ConcurrentHashMap<>();

    void retried(String runId, String cause) {
        count(runId, cause);
    }

    void waited(String runId) {
        count(runId, WAITED);
    }

    /** The run's counts by cause, forgotten once taken. */
    public Map<String, Long> take(String runId) {
        Map<String, LongAdder> counts = byRun.remove(runId == null ? NO_RUN : runId);
        Map<String, Long> taken = new TreeMap<>();
        if (counts != null) {
            counts.forEach((cause, count) -> taken.put(cause, count.sum()));
        }
        return taken;
    }

    /** "no retries", or "12 retries: HTTP 503 x10, SocketTimeoutException x2; 40 calls waited for the target". */
    public static String describe(Map<String, Long> counts) {
        long waited = counts.getOrDefault(WAITED, 0L);
        Map<String, Long> retries = new TreeMap<>(counts);
        retries.remove(WAITED);
        long total = retries.values().stream().mapToLong(Long::longValue).sum();
        String text = total == 0 ? "no retries" : total + " retr" + (total == 1 ? "y" : "ies") + ": "
                + retries.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
        return waited == 0 ? text : text + "; " + waited + " failed call" + (waited == 1 ? "" : "s")
                + " while the target did not answer (waited, no retry spent)";
    }

    private void count(String runId, String cause) {
        byRun.computeIfAbsent(runId == null ? NO_RUN : runId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(cause, c -> new LongAdder()).increment();
    }
}
