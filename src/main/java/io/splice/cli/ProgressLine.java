package io.splice.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.splice.ledger.OperatorQueries;
import io.splice.runtime.SpliceRuntime;
import io.splice.target.TargetAvailability;

/**
 * Where a run stands while it runs, from the ledger: one line rewritten in place on a terminal, a plain line every
 * ten seconds otherwise (a log, CI). On stderr, so stdout stays the summaries.
 */
final class ProgressLine implements AutoCloseable {

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final OperatorQueries ledger;
    private final TargetAvailability availability;
    private final PrintStream out;
    private final boolean terminal;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "splice-progress");
        thread.setDaemon(true);
        return thread;
    });

    private ProgressLine(OperatorQueries ledger, TargetAvailability availability, PrintStream out, boolean terminal) {
        this.ledger = ledger;
        this.availability = availability;
        this.out = out;
        this.terminal = terminal;
    }

    static ProgressLine start(SpliceRuntime splice) {
        DataSource ledger = splice.context().getRegistry().lookupByNameAndType("ledgerDataSource", DataSource.class);
        TargetAvailability availability = splice.context().getRegistry()
                .lookupByNameAndType("targetAvailability", TargetAvailability.class);
        ProgressLine line = new ProgressLine(new OperatorQueries(ledger), availability, System.err, System.console() != null);
        long every = line.terminal ? 1 : 10;
        line.timer.scheduleAtFixedRate(line::print, every, every, TimeUnit.SECONDS);
        return line;
    }

    private void print() {
        try {
            long[] counts = new long[4];
            for (Map<String, Object> row : ledger.progress()) {
                long records = ((Number) row.get("records")).longValue();
                switch (String.valueOf(row.get("status"))) {
                    case "MIGRATED" -> counts[0] += records;
                    case "FAILED" -> counts[1] += records;
                    case "BLOCKED" -> counts[2] += records;
                    case "QUEUED" -> counts[3] += records;
                    default -> { }
                }
            }
            long lastMinute = ledger.migratedSince(Instant.now().minus(Duration.ofMinutes(1))).stream()
                    .mapToLong(row -> ((Number) row.get("records")).longValue()).sum();
            String text = String.format("progress: %,d migrated, %,d failed, %,d blocked, %,d in flight, %.0f records/s",
                    counts[0], counts[1], counts[2], counts[3], lastMinute / 60.0)
                    + waiting(availability == null ? Map.of() : availability.waiting());
            if (terminal) {
                out.print("\r" + text + "   ");
            } else {
                out.println(text);
            }
        } catch (RuntimeException e) {
            // the ledger is busy or going away: the next tick tries again
        }
    }

    /** "; waiting for the target since 14:02:11 (parcels), 14:02:15 (addresses)", or nothing while it answers. */
    static String waiting(Map<String, Instant> since) {
        if (since.isEmpty()) {
            return "";
        }
        return "; waiting for the target since " + since.entrySet().stream()
                .map(e -> SINCE.format(e.getValue()) + " (" + e.getKey() + ")").collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (terminal) {
            out.println();
        }
    }
}
