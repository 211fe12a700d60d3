package io.splice.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where Splice's threads wait rather than compute, from a JFR recording: socket reads (by peer port: PostgreSQL or
 * the target), parks, monitor waits, fsyncs — summed per thread kind and place. JFR records only waits above its
 * threshold (10 ms with settings=profile), so shorter waits are missing: read the sums as a lower bound.
 * Usage (standalone): {@code JfrWaits RECORDING.jfr [THREAD_REGEX]}.
 */
record JfrWaits(List<Row> rows) {

    record Row(String thread, String event, String where, long count, Duration total) {
    }

    /** The threads that move records: the consumers and the extract (which runs on the tenant-runs thread). */
    static final String BUSY_THREADS = "JmsConsumer|tenant-runs";

    private static final List<String> WAITS = List.of("jdk.SocketRead", "jdk.SocketWrite", "jdk.ThreadPark",
            "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.FileForce", "jdk.FileWrite");

    static JfrWaits read(Path recording, String threads, int limit) throws Exception {
        Map<String, long[]> sums = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (!WAITS.contains(type) || event.getThread() == null) {
                continue;
            }
            String thread = String.valueOf(event.getThread().getJavaName()).replaceAll("\\d+", "N");
            if (!thread.matches(".*(" + threads + ").*")) {
                continue;
            }
            String key = thread + "\t" + type.substring(4) + "\t" + where(event, type);
            long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
            sum[0]++;
            sum[1] += event.getDuration().toNanos();
        }
        List<Row> rows = new ArrayList<>();
        sums.forEach((key, sum) -> {
            String[] parts = key.split("\t");
            rows.add(new Row(parts[0], parts[1], parts[2], sum[0], Duration.ofNanos(sum[1])));
        });
        rows.sort((a, b) -> b.total().compareTo(a.total()));
        return new JfrWaits(List.copyOf(rows.subList(0, Math.min(limit, rows.size()))));
    }

    private static String where(RecordedEvent event, String type) {
        if (type.startsWith("jdk.Socket")) {
            return "port " + event.getInt("port");
        }
        if (type.startsWith("jdk.File")) {
            String path = event.getString("path");
            return path == null ? "?" : path.replaceAll(".*/work/", "work/").replaceAll("\\d+", "N");
        }
        // parks and monitors: the innermost frame that is not the JDK's names who waits for what
        if (event.getStackTrace() != null) {
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                String typeName = frame.getMethod().getType().getName();
                if (!(typeName.startsWith("java.") || typeName.startsWith("jdk.") || typeName.startsWith("sun."))) {
                    return typeName + "." + frame.getMethod().getName();
                }
            }
        }
        return "?";
    }

    public static void main(String[] args) throws Exception {
        for (Row row : read(Path.of(args[0]), args.length > 1 ? args[1] : BUSY_THREADS, 25).rows()) {
            System.out.printf("%-60s %-18s %-70s %7d %9.1f s%n", row.thread(), row.event(), row.where(), row.count(),
                    row.total().toNanos() / 1e9);
        }
    }
}
