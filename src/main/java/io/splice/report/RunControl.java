package io.splice.report;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import io.splice.definition.CompiledMigration;
import io.splice.ledger.Ledger;
import io.splice.ledger.RunKind;
import io.splice.ledger.Runs;
import io.splice.pipeline.RetrySummary;
import io.splice.pipeline.StoppedException;
import io.splice.plan.Failures;
import io.splice.record.Keys;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of the run routes that touch the ledger: start, levels, finish and report. */
public class RunControl {

    private static final Logger LOG = LoggerFactory.getLogger(RunControl.class);
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final CompiledMigration migration;
    private final Runs runs;
    private final Ledger ledger;
    private final RunReportBuilder reports;
    private final ReportFiles files;
    private final String owner;

    /** @param owner this process, as recorded on the runs it starts */
    private final ReadBackCheck readBack;

    private final RetrySummary retries;

    public RunControl(CompiledMigration migration, Runs runs, Ledger ledger, RunReportBuilder reports, ReportFiles files,
                      String owner, ReadBackCheck readBack, RetrySummary retries) {
        this.retries = retries;
        this.readBack = readBack;
        this.migration = migration;
        this.runs = runs;
        this.ledger = ledger;
        this.reports = reports;
        this.files = files;
        this.owner = owner;
    }

    /** The tenants a run covers: the one in the spliceTenant header, or all of the migration's. */
    public List<String> tenants(Exchange exchange) {
        String only = exchange.getMessage().getHeader(Keys.TENANT_HEADER, String.class);
        if (only != null && !only.isBlank()) {
            migration.tenant(only);
            return List.of(only);
        }
        return migration.tenantNames();
    }

    /** A replay of one entity's FAILED records (header spliceReplayEntity) for the tenant in spliceTenant. */
    public void startReplay(Exchange exchange) {
        String entity = exchange.getMessage().getHeader(Keys.REPLAY_ENTITY, String.class);
        migration.entity(entity);
        exchange.setProperty(Keys.REPLAY_ENTITY, entity);
        begin(exchange, RunKind.REPLAY);
    }

    private void begin(Exchange exchange, String kind) {
        String named = exchange.getMessage().getHeader(Keys.TENANT_HEADER, String.class);
        List<String> tenants = migration.tenantNames();
        if ((named == null || named.isBlank()) && tenants.size() > 1) {
            throw new IllegalArgumentException("Migration " + migration.name() + " has several tenants ("
                    + String.join(", ", tenants) + "): name the one to " + kind.toLowerCase(java.util.Locale.ROOT));
        }
        String tenant = named == null || named.isBlank() ? tenants.get(0) : migration.tenant(named).name();
        String runId = LocalDateTime.now().format(RUN_ID_TIME) + "-" + UUID.randomUUID().toString().substring(0, 8);
        runs.start(runId, tenant, migration.name(), kind, owner, null);
        exchange.setProperty(Keys.RUN_ID, runId);
        exchange.setProperty(Keys.TENANT, tenant);
        LOG.info("{} {} of migration {} started for tenant {}", RunKind.label(kind), runId,
                migration.name(), tenant);
    }

    /** A replay's failure, caught by its route. */
    public void failed(Exchange exchange) {
        exchange.setProperty(Keys.RUN_ERROR, Failures.describe(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
    }

    /** After waiting: records still in flight mean the wait broke off on shutdown. */
    public void awaited(Exchange exchange) throws StoppedException {
        long left = exchange.getMessage().getHeader("spliceInFlight", 0L, Long.class);
        if (left > 0) {
            throw new StoppedException("with " + left + " records of the run still in flight");
        }
    }

    /**
     * Writes the run's report as it stands (a plan's report stage; the end of the run writes it again, with the
     * read-back from the target).
     */
    public void report(Exchange exchange) throws Exception {
        files.write(reports.build(exchange.getProperty(Keys.RUN_ID, String.class)));
    }


    /** Ends the run (FAILED if the route caught an exception) and writes its report. */
    public CompletedRun finish(Exchange exchange) throws Exception {
        String runId = exchange.getProperty(Keys.RUN_ID, String.class);
        String error = exchange.getProperty(Keys.RUN_ERROR, String.class);
        String failure = error != null ? error : exchange.getProperty(Keys.RESTORE_ERROR, String.class);
        runs.finish(runId, failure == null ? "COMPLETED" : "FAILED", failure);
        RunReport report = readBack.check(reports.build(runId));
        Path file = files.write(report);
        files.writeForPeople(report, ledger);
        LOG.info("Run {} {}: report in {}", runId, report.status(), file);
        LOG.info("Run {}: {}", runId, RetrySummary.describe(retries.take(runId)));
        if (report.inDoubtTotal() > 0) {
            LOG.warn("Run {}: {} records in doubt (their request may have reached the target unanswered): failed.csv "
                    + "lists them with in_doubt; check a target that ignores Idempotency-Key for them", runId,
                    report.inDoubtTotal());
        }
        return new CompletedRun(report, file);
    }
}
