package io.splice.runtime;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.broker.Queues;
import io.splice.db.SourceDatabases;
import io.splice.definition.CompiledMigration;
import io.splice.definition.PlanParameters;
import io.splice.observe.RecordMetrics;
import io.splice.pipeline.ExtractProgress;
import io.splice.pipeline.IncomingRecord;
import io.splice.pipeline.Outcomes;
import io.splice.pipeline.PageFilter;
import io.splice.pipeline.RecordMapper;
import io.splice.pipeline.RecordMessage;
import io.splice.pipeline.RetryBudget;
import io.splice.pipeline.RetrySummary;
import io.splice.plan.RunOwner;
import io.splice.reference.BlockedRecords;
import io.splice.reference.GroupOrder;
import io.splice.reference.ParentLookup;
import io.splice.reference.References;
import io.splice.reference.ReleaseWaves;
import io.splice.report.ReadBackCheck;
import io.splice.report.ReportFiles;
import io.splice.report.RunControl;
import io.splice.report.RunReportBuilder;
import io.splice.target.ReadBackSampling;
import io.splice.target.TargetAvailability;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the extract and load routes call: per page and per record (page filter, record message, group order,
 * references, outcomes), and per run (retries, the read-back, run control, the release of BLOCKED records in waves).
 */
final class PipelineConfiguration {

    private static final long PARENT_CACHE_SIZE = 500_000;

    private PipelineConfiguration() {
    }

    /**
     * Binds groupOrder, references, extractProgress, pageFilter, recordMessage, incomingRecord, blockedRecords,
     * recordMapper and outcomes; hands back the references the dead-letter workbench shares.
     */
    static References records(Composition c, MigrationConfiguration.Sources sources, SourceDatabases sourceDatabases,
                              LedgerConfiguration.Stores ledger, Queues queues, RecordMetrics metrics, ObjectMapper json) {
        Settings settings = c.settings();
        CompiledMigration migration = sources.migration();
        GroupOrder groupOrder = c.bind("groupOrder", new GroupOrder(migration, json, ledger.blocking()));
        References references = c.bind("references", new References(migration,
                new ParentLookup(ledger.blocking(), PARENT_CACHE_SIZE), ledger.blocking(), json, groupOrder));
        c.bind("extractProgress", new ExtractProgress(migration, sourceDatabases, ledger.runs(),
                PlanParameters.resolve(sources.plan().definition(), Map.of())));
        // when this process started: what an earlier one left (in flight, in doubt) is told from what this one did
        Instant startedAt = Instant.now();
        c.bind("pageFilter", new PageFilter(migration, ledger.ledger(), ledger.runs(), references, metrics,
                settings.extract().skippingPageSizeMax(), startedAt));
        c.bind("recordMessage", new RecordMessage(migration, json, queues));
        c.bind("incomingRecord", new IncomingRecord(ledger.ledger(), startedAt, settings.broker().embedded()));
        BlockedRecords blockedRecords = c.bind("blockedRecords", new BlockedRecords(migration, ledger.ledger(),
                ledger.blocking(), groupOrder, new TransactionTemplate(new DataSourceTransactionManager(ledger.dataSource()))));
        c.bind("recordMapper", new RecordMapper(migration));
        c.bind("outcomes", new Outcomes(ledger.ledger(), blockedRecords, metrics, queues,
                new ReadBackSampling(migration, settings.dryRun() ? 0 : settings.reconcile().samplePercent()),
                settings.dryRun()));
        return references;
    }

    /**
     * Binds retrySummary, retryBudget, reportFiles, readBackCheck, runControl and releaseWaves; hands back the
     * reports the operator API builds too.
     */
    static RunReportBuilder runs(Composition c, MigrationConfiguration.Sources sources, LedgerConfiguration.Stores ledger,
                                 TargetAvailability availability, RunOwner owner, ObjectMapper json) {
        Settings settings = c.settings();
        CompiledMigration migration = sources.migration();
        RetrySummary retrySummary = c.bind("retrySummary", new RetrySummary());
        c.bind("retryBudget", new RetryBudget(availability, retrySummary, settings.retry().maximumRedeliveries()));
        RunReportBuilder reports = new RunReportBuilder(ledger.ledger(), ledger.runs(), ledger.stages(), sources.plan());
        ReportFiles reportFiles = c.bind("reportFiles", new ReportFiles(settings.workDir(), json, ledger.runs()));
        // no credentials of its own: the read-back's GETs are authorised by targetAuthentication right before they leave
        ReadBackCheck readBack = c.bind("readBackCheck", new ReadBackCheck(c.context(), migration, ledger.ledger(), json,
                settings.reconcile().readBackMax()));
        RunControl runControl = c.bind("runControl", new RunControl(migration, ledger.runs(), ledger.ledger(), reports,
                reportFiles, owner.self(), readBack, retrySummary));
        // released records go out in source order, a wave at a time (await-outcomes)
        c.bind("releaseWaves", new ReleaseWaves(c.context(), migration, ledger.blocking(), ledger.ledger()));
        return reports;
    }
}
