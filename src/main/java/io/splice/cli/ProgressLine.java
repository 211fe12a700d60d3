package io.splice.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.splice.ledger.OperatorQueries;
import io.splice.runtime.SpliceRuntime;

/**
 * Where a run stands while it runs, from the ledger: one line rewritten in place on a terminal, a plain line every
 * ten seconds otherwise (a log, CI). On stderr, so stdout stays the summaries.
 */
final class ProgressLine implements AutoCloseable {

    private final OperatorQueries ledger;
    private final PrintStream out;
    private final boolean terminal;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "splice-progress");
        thread.setDaemon(true);
        return thread;
    });

    private ProgressLine(OperatorQueries ledger, PrintStream out, boolean terminal) {
        this.ledger = ledger;
        this.out = out;
        this.terminal = terminal;
    }

    static ProgressLine start(SpliceRuntime splice) {
        DataSource ledger = splice.context().getRegistry().lookupByNameAndType("ledgerDataSource", DataSource.class);
        ProgressLine line = new ProgressLine(new OperatorQueries(ledger), System.err, System.console() != null);
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
                    counts[0], counts[1], counts[2], counts[3], lastMinute / 60.0);
            if (terminal) {
                out.print("\r" + text + "   ");
            } else {
                out.println(text);
            }
        } catch (RuntimeException e) {
            // the ledger is busy or going away: the next tick tries again
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (terminal) {
            out.println();
        }
    }
}
