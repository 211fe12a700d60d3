package io.splice.pipeline;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.splice.ledger.Ledger;
import io.splice.ledger.Runs;
import io.splice.report.CompletedRun;
import io.splice.report.ReportFiles;
import io.splice.report.RunReport;
import io.splice.report.RunReportBuilder;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of the run-migration route that touch the ledger: start, in-flight count, finish and report. */
public class RunControl {

    private static final Logger LOG = LoggerFactory.getLogger(RunControl.class);
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final long PROGRESS_LOG_MILLIS = 5_000;

    private final String tenant;
    private final Runs runs;
    private final Ledger ledger;
    private final RunReportBuilder reports;
    private final ReportFiles files;
    private final AtomicLong lastProgressLog = new AtomicLong();

    public RunControl(String tenant, Runs runs, Ledger ledger, RunReportBuilder reports, ReportFiles files) {
        this.tenant = tenant;
        this.runs = runs;
        this.ledger = ledger;
        this.reports = reports;
        this.files = files;
    }

    public void start(Exchange exchange) {
        String runId = LocalDateTime.now().format(RUN_ID_TIME) + "-" + UUID.randomUUID().toString().substring(0, 8);
        runs.start(runId, tenant);
        exchange.setProperty(Keys.RUN_ID, runId);
        exchange.setProperty(Keys.TENANT, tenant);
        LOG.info("Run {} started for tenant {}", runId, tenant);
    }

    /** Records this run queued that have no outcome yet. */
    public long inFlight(Exchange exchange) {
        String runId = exchange.getProperty(Keys.RUN_ID, String.class);
        long queued = ledger.countQueued(runId);
        long now = System.currentTimeMillis();
        long last = lastProgressLog.get();
        if (now - last >= PROGRESS_LOG_MILLIS && lastProgressLog.compareAndSet(last, now)) {
            LOG.info("Run {}: {} records in flight", runId, queued);
        }
        return queued;
    }

    // Camel wraps the cause in split/multicast exceptions that say nothing to an operator
    private static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ExtractFailedException) {
                return t.getMessage();
            }
            if (t.getCause() == null) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return String.valueOf(error);
    }

    /** Ends the run (FAILED if the route caught an exception) and writes report.json. */
    public CompletedRun finish(Exchange exchange) throws Exception {
        String runId = exchange.getProperty(Keys.RUN_ID, String.class);
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        runs.finish(runId, error == null ? "COMPLETED" : "FAILED", error == null ? null : describe(error));
        RunReport report = reports.build(runId);
        Path file = files.write(report);
        LOG.info("Run {} {}: report in {}", runId, report.status(), file);
        return new CompletedRun(report, file);
    }
}
