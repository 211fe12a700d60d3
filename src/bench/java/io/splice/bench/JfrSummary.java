package io.splice.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where Splice's CPU went, from a JFR recording's execution samples: by thread (digits folded, so the 8 consumers
 * are one line), by the library of the first non-JDK frame on the stack, and by the hottest top frames.
 */
record JfrSummary(long samples, List<Map.Entry<String, Long>> byThread, List<Map.Entry<String, Long>> byLibrary,
                  List<Map.Entry<String, Long>> topFrames, List<Map.Entry<String, Long>> spliceFrames) {

    static JfrSummary read(Path recording) throws Exception {
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> libraries = new HashMap<>();
        Map<String, Long> frames = new HashMap<>();
        Map<String, Long> splice = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1L, Long::sum);
            RecordedStackTrace stack = event.getStackTrace();
            List<RecordedFrame> stackFrames = stack.getFrames();
            if (!stackFrames.isEmpty()) {
                frames.merge(name(stackFrames.get(0)), 1L, Long::sum);
            }
            libraries.merge(library(stackFrames), 1L, Long::sum);
            stackFrames.stream().filter(f -> f.getMethod().getType().getName().startsWith("io.splice.")).findFirst()
                    .ifPresent(f -> splice.merge(name(f), 1L, Long::sum));
        }
        return new JfrSummary(samples, top(threads, 12), top(libraries, 12), top(frames, 15), top(splice, 10));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    // the first frame outside the JDK says whose work it is: Artemis, the PostgreSQL driver, Camel, HttpClient, ...
    private static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (!(type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("com.sun."))) {
                String[] parts = type.split("\\.");
                return parts.length < 3 ? type : String.join(".", parts[0], parts[1], parts[2]);
            }
        }
        return frames.isEmpty() ? "?" : "JDK only (" + frames.get(frames.size() - 1).getMethod().getType().getName() + ")";
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return List.copyOf(entries.subList(0, Math.min(n, entries.size())));
    }
}
