package io.splice.report;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.apache.camel.ExchangeProperties;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of the run routes that touch the ledger: start, levels, finish and report. */
public class RunControl {

    private static final Logger LOG = LoggerFactory.getLogger(RunControl.class);
    /** The await-outcomes route's count of the run's records without an outcome yet (releaseWaves.inFlight). */
    public static final String IN_FLIGHT = "spliceInFlight";
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final CompiledMigration migration;
    private final Runs runs;
    private final Ledger ledger;
    private final RunReportBuilder reports;
    private final ReportFiles files;
    private final String owner;

    private final ReadBackCheck readBack;
    private final RetrySummary retries;

    /** @param owner this process, as recorded on the runs it starts */
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
    public List<String> tenants(@Header(Keys.TENANT_HEADER) String only) {
        if (only != null && !only.isBlank()) {
            migration.tenant(only);
            return List.of(only);
        }
        return migration.tenantNames();
    }

    /**
     * A replay of one entity's FAILED records (header spliceReplayEntity) for the tenant in spliceTenant: the run's
     * properties it sets are spliceReplayEntity, spliceRunId and spliceTenant (three outputs, hence the map).
     */
    public void startReplay(@Header(Keys.REPLAY_ENTITY) String entity, @Header(Keys.TENANT_HEADER) String named,
                            @ExchangeProperties Map<String, Object> properties) {
        migration.entity(entity);
        properties.put(Keys.REPLAY_ENTITY, entity);
        begin(named, RunKind.REPLAY, properties);
    }

    private void begin(String named, String kind, Map<String, Object> properties) {
        List<String> tenants = migration.tenantNames();
        if ((named == null || named.isBlank()) && tenants.size() > 1) {
            throw new IllegalArgumentException("Migration " + migration.name() + " has several tenants ("
                    + String.join(", ", tenants) + "): name the one to " + kind.toLowerCase(Locale.ROOT));
        }
        String tenant = named == null || named.isBlank() ? tenants.get(0) : migration.tenant(named).name();
        String runId = LocalDateTime.now().format(RUN_ID_TIME) + "-" + UUID.randomUUID().toString().substring(0, 8);
        runs.start(runId, tenant, migration.name(), kind, owner, null);
        properties.put(Keys.RUN_ID, runId);
        properties.put(Keys.TENANT, tenant);
        LOG.info("{} {} of migration {} started for tenant {}", RunKind.label(kind), runId,
                migration.name(), tenant);
    }

    /** A replay's failure, caught by its route: why the run failed (spliceRunError). */
    public String failed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable error) {
        return Failures.describe(error);
    }

    /** After waiting: records still in flight mean the wait broke off on shutdown. */
    public void awaited(@Header(IN_FLIGHT) Long left) throws StoppedException {
        if (left != null && left > 0) {
            throw new StoppedException("with " + left + " records of the run still in flight");
        }
    }

    /**
     * Writes the run's report as it stands (a plan's report stage; the end of the run writes it again, with the
     * read-back from the target).
     */
    public void report(@ExchangeProperty(Keys.RUN_ID) String runId) throws Exception {
        files.write(reports.build(runId));
    }

    /** Ends the run (FAILED if the route caught an exception) and writes its report. */
    public CompletedRun finish(@ExchangeProperty(Keys.RUN_ID) String runId, @ExchangeProperty(Keys.RUN_ERROR) String error,
                               @ExchangeProperty(Keys.RESTORE_ERROR) String restoreError) throws Exception {
        String failure = error != null ? error : restoreError;
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
