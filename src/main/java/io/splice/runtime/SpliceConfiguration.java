package io.splice.runtime;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import io.splice.api.ApiErrors;
import io.splice.api.ApiRequests;
import io.splice.api.DeadLetterApi;
import io.splice.api.EntityControls;
import io.splice.api.OperatorApi;
import io.splice.broker.BrokerConnections;
import io.splice.broker.PageSender;
import io.splice.broker.QueueDepths;
import io.splice.broker.Queues;
import io.micrometer.core.instrument.MeterRegistry;
import io.splice.broker.DeadLetterQueue;
import io.splice.deadletter.DeadLetterWorkbench;
import io.splice.ledger.DeadLetterLedger;
import io.splice.db.PooledDataSources;
import io.splice.definition.CompiledEntity;
import io.splice.definition.CompiledMigration;
import io.splice.definition.InvalidDefinitionException;
import io.splice.definition.MigrationDefinition;
import io.splice.definition.PlanParameters;
import io.splice.definition.TenantDefinition;
import io.splice.definition.TenantSource;
import io.splice.db.TenantRoutedDataSource;
import io.splice.definition.MigrationLoading;
import io.splice.ledger.Blocking;
import io.splice.ledger.OperatorQueries;
import io.splice.observe.BrokerHealthCheck;
import io.splice.observe.QueueMetrics;
import io.splice.observe.RecordMetrics;
import io.splice.observe.DatabaseHealthCheck;
import io.splice.observe.TargetHealthCheck;
import io.splice.ledger.Ledger;
import io.splice.ledger.LedgerSchema;
import io.splice.ledger.Runs;
import io.splice.mapping.RecordMapper;
import io.splice.pipeline.ExtractProgress;
import io.splice.pipeline.IncomingRecord;
import io.splice.pipeline.Outcomes;
import io.splice.pipeline.PageFilter;
import io.splice.pipeline.RecordMessage;
import io.splice.pipeline.RetryBudget;
import io.splice.pipeline.RetrySummary;
import io.splice.pipeline.RunControl;
import io.splice.plan.Plan;
import io.splice.plan.PlanControl;
import io.splice.plan.Restores;
import io.splice.plan.RunOwner;
import io.splice.plan.RunStarts;
import io.splice.plan.TargetCalls;
import io.splice.plan.Waits;
import io.splice.ledger.Stages;
import io.splice.reference.BlockedRecords;
import io.splice.reference.GroupOrder;
import io.splice.reference.ReleaseWaves;
import io.splice.reference.ParentLookup;
import io.splice.reference.References;
import io.splice.report.RunReport;
import io.splice.target.ReadBackCheck;
import io.splice.target.ReadBackSampling;
import io.splice.report.ReportFiles;
import io.splice.report.RunReportBuilder;
import io.splice.target.ContentStreams;
import io.splice.target.EntityPermits;
import io.splice.target.SqlTarget;
import io.splice.target.TargetRates;
import io.splice.target.TargetRequest;
import io.splice.target.TargetResponse;
import io.splice.target.TargetAvailability;
import io.splice.target.TargetProbe;
import io.splice.target.auth.ClientCredentialsTokens;
import io.splice.target.auth.TargetAuthSettings;
import io.splice.target.auth.TargetAuthentication;
import io.splice.target.auth.TokenRenewal;
import io.splice.tls.TargetTrust;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds Splice's beans from the {@code splice.*} properties, in dependency order
 * (databases, the validated migration definition, the broker, then what uses them), and binds them under the
 * names the routes use. An invalid definition stops the start before anything is sent.
 */
public class SpliceConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SpliceConfiguration.class);
    private static final long PARENT_CACHE_SIZE = 500_000;
    private static final long QUEUE_DEPTHS_MAX_AGE_MILLIS = 2_000;

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings settings = Settings.from(context);
        Shutdown shutdown = new Shutdown();
        context.addService(shutdown, true, true);
        Registry registry = context.getRegistry();
        TargetTrust targetTrust = trustTheTarget(context, settings);

        HikariDataSource source = shutdown.register(PooledDataSources.open("source", settings.source()));
        DataSource targetDb = settings.targetDatabase() == null ? null
                : shutdown.register(PooledDataSources.open("target-db", settings.targetDatabase()));
        MigrationDefinition definition = loadMigration(settings, source, targetDb, targetTrust);
        CompiledMigration migration = CompiledMigration.compile(definition, settings.defaults());
        LOG.info("Migration {} ({}): entities {} in levels {}, tenants {}", migration.name(), definition.file(),
                migration.entities().stream().map(CompiledEntity::name).toList(), migration.levels(), migration.tenantNames());
        HikariDataSource ledgerDb = shutdown.register(openLedger(settings));
        TenantRoutedDataSource routedSource = new TenantRoutedDataSource(source, tenantSources(definition, settings, shutdown));
        registry.bind("sourceDataSource", routedSource);
        registry.bind("ledgerDataSource", ledgerDb);
        if (targetDb != null) {
            registry.bind("targetDataSource", targetDb);
        }
        registry.bind("migration", migration);

        Queues queues = Queues.of(settings.dryRun());
        registry.bind("queues", queues);
        BrokerConnections broker = shutdown.register(BrokerConnections.open(settings, migration.entities().stream()
                .collect(Collectors.toMap(entity -> queues.entity(entity.name()), CompiledEntity::concurrency))));
        registry.bind("jmsConsumerConnectionFactory", broker.consumerConnectionFactory());
        registry.bind("jmsProducerConnectionFactory", broker.producerConnectionFactory());
        registry.bind("jmsPageTransaction", broker.pageTransactionPolicy());
        // one connection for every question about queue depths: the metrics' (kept 2 s) and the extract's (asked afresh)
        QueueDepths queueDepths = shutdown.register(new QueueDepths(broker.questionConnectionFactory(), migration.entities().stream()
                .flatMap(entity -> Stream.of(queues.entity(entity.name()), queues.deadLetters(entity.name()))).toList(),
                QUEUE_DEPTHS_MAX_AGE_MILLIS));
        registry.bind("pageSender", new PageSender(context, Integer.parseInt(property(context, "splice.broker.send-retries")),
                queueDepths, queues, settings.extract().maxQueued()));
        // health checks, found in the registry by Camel's health check registry: /observe/health
        registry.bind("ledgerHealth", new DatabaseHealthCheck("ledger", ledgerDb));
        registry.bind("sourceHealth", new DatabaseHealthCheck("source", source));
        if (targetDb != null) {
            registry.bind("targetDatabaseHealth", new DatabaseHealthCheck("target", targetDb));
        }
        registry.bind("brokerHealth", new BrokerHealthCheck(broker.consumerConnectionFactory()));
        registry.bind("targetHealth", new TargetHealthCheck(settings.targetUrl(), targetTrust));

        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Ledger ledger = new Ledger(ledgerDb);
        Runs runs = new Runs(ledgerDb);
        Blocking blocking = new Blocking(ledgerDb);
        GroupOrder groupOrder = new GroupOrder(migration, json, blocking);
        registry.bind("groupOrder", groupOrder);
        References references = new References(migration, new ParentLookup(blocking, PARENT_CACHE_SIZE), blocking, json,
                groupOrder);
        registry.bind("recordJson", json);
        registry.bind("ledger", ledger);
        Plan plan = Plan.of(definition);
        registry.bind("extractProgress", new ExtractProgress(migration, runs,
                PlanParameters.resolve(plan.definition(), Map.of())));
        RecordMetrics metrics = new RecordMetrics(context);
        // when this process started: what an earlier one left (in flight, in doubt) is told from what this one did
        Instant startedAt = Instant.now();
        registry.bind("pageFilter", new PageFilter(migration, ledger, runs, references, metrics,
                settings.extract().skippingPageSizeMax(), startedAt));
        registry.bind("recordMessage", new RecordMessage(migration, json, queues));
        registry.bind("incomingRecord", new IncomingRecord(ledger, startedAt, settings.broker().embedded()));
        registry.bind("references", references);
        BlockedRecords blockedRecords = new BlockedRecords(migration, ledger, blocking, groupOrder,
                new TransactionTemplate(new DataSourceTransactionManager(ledgerDb)));
        registry.bind("blockedRecords", blockedRecords);
        registry.bind("recordMapper", new RecordMapper(migration));
        registry.bind("outcomes", new Outcomes(ledger, blockedRecords, metrics, queues,
                new ReadBackSampling(migration, settings.dryRun() ? 0
                        : Integer.parseInt(property(context, "splice.reconcile.sample-percent"))), settings.dryRun()));
        TargetRates rates = new TargetRates(migration);
        // how calls prove themselves to the target (splice.target.auth.*, docs/target-authentication.md)
        TargetAuthentication authentication = targetAuthentication(context, settings, targetTrust);
        registry.bind("targetAuthentication", authentication);
        registry.bind("hostPermits", rates.hostPermits());
        registry.bind("entityPermits", new EntityPermits());
        registry.bind("targetRequest", new TargetRequest(migration, rates, new ContentStreams(routedSource), metrics,
                authentication, settings.dryRun()));
        // whether each entity's target answers; its bean name is what /api/progress and the progress line ask
        TargetAvailability availability = targetAvailability(context, settings, migration, targetTrust, targetDb,
                authentication);
        registry.bind("targetAvailability", availability);
        registry.bind("targetTokenRenewal", new TokenRenewal(authentication, availability));
        RetrySummary retrySummary = new RetrySummary();
        registry.bind("retrySummary", retrySummary);
        registry.bind("retryBudget", new RetryBudget(availability, retrySummary,
                Integer.parseInt(property(context, "splice.retry.maximum-redeliveries"))));
        registry.bind("targetResponse", new TargetResponse(json,
                Long.parseLong(property(context, "splice.retry.max-retry-after-millis")), metrics, availability));
        registry.bind("sqlTarget", new SqlTarget(migration, rates, settings.dryRun()));
        RunOwner owner = new RunOwner(Duration.ofMillis(Long.parseLong(property(context, "splice.run.stale-after-millis"))));
        Stages stages = new Stages(ledgerDb);
        RunReportBuilder reports = new RunReportBuilder(ledger, runs, stages, plan);
        ReportFiles reportFiles = new ReportFiles(settings.workDir(), json, runs);
        registry.bind("reportFiles", reportFiles);
        // no token of their own: the read-back's GETs (targetRequest) and the plan's calls (run.camel.yaml) are
        // authorised by targetAuthentication right before they leave
        ReadBackCheck readBack = new ReadBackCheck(context, migration, ledger, json, null,
                Integer.parseInt(property(context, "splice.reconcile.read-back-max")));
        registry.bind("readBackCheck", readBack);
        RunControl runControl = new RunControl(migration, runs, ledger, reports, reportFiles, owner.self(), readBack,
                retrySummary);
        registry.bind("runControl", runControl);
        // released records go out in source order, a wave at a time (await-outcomes)
        registry.bind("releaseWaves", new ReleaseWaves(context, migration, blocking, runControl));
        PlanControl planControl = new PlanControl(migration, plan, runs, stages, owner,
                new RunStarts(migration, plan, runs, stages, owner, json, settings.dryRun() ? RunReport.DRY_RUN : RunReport.RUN),
                settings.dryRun());
        TargetCalls targetCalls = new TargetCalls(plan, planControl, runs, json, null);
        registry.bind("planControl", planControl);
        registry.bind("targetCalls", targetCalls);
        registry.bind("restores", new Restores(plan, stages, owner, targetCalls));
        registry.bind("waits", new Waits(plan, planControl, json));
        registry.bind("apiErrors", new ApiErrors());
        DeadLetterQueue deadLetterQueue = new DeadLetterQueue(broker.consumerConnectionFactory(), queues);
        registry.bind("deadLetterQueue", deadLetterQueue);
        DeadLetterWorkbench workbench = new DeadLetterWorkbench(migration, new DeadLetterLedger(ledgerDb),
                deadLetterQueue, references, json);
        registry.bind("deadLetterWorkbench", workbench);
        EntityControls controls = new EntityControls(context, migration, rates);
        registry.bind("entityControls", controls);
        // an MBean beside Camel's own, for Hawtio and JConsole (when JMX is on)
        context.addStartupListener((started, alreadyStarted) -> {
            MeterRegistry meters = started.getRegistry().findSingleByType(MeterRegistry.class);
            if (meters != null) {
                QueueMetrics.register(meters, queueDepths);
            }
            if (started.getManagementStrategy().getManagementAgent() != null) {
                started.getManagementStrategy().getManagementAgent().register(controls, new javax.management.ObjectName(
                        "org.apache.camel:context=" + started.getManagementName() + ",type=services,name=EntityControls"));
            }
        });
        // the operator API: requests read strictly (ApiRequests), runs and entities, dead letters
        ApiRequests apiRequests = new ApiRequests();
        if (Boolean.parseBoolean(property(context, "splice.api.enabled"))) {
            // the OpenAPI document's route needs the HTTP server, which runs only with the API
            context.getRestConfiguration().setApiContextPath("/api/openapi.json");
        }
        OperatorQueries operatorQueries = new OperatorQueries(ledgerDb);
        registry.bind("operatorApi", new OperatorApi(context, migration, plan.definition(), operatorQueries, reports,
                controls, apiRequests, availability));
        registry.bind("deadLetterApi", new DeadLetterApi(context, migration, operatorQueries, controls, workbench,
                apiRequests));
        registry.bind("tenantRunners", context.getExecutorServiceManager().newFixedThreadPool(this, "tenant-runs",
                Integer.parseInt(property(context, "splice.run.parallel-tenants"))));
    }

    /** The target's authentication; an OAuth2 token is fetched now, so wrong client credentials stop the start. */
    private static TargetAuthentication targetAuthentication(CamelContext context, Settings settings, TargetTrust trust) {
        TargetAuthentication authentication = new TargetAuthSettings(key -> property(context, key))
                .authentication(settings.targetToken(), trust.httpClient(), Clock.systemUTC());
        LOG.info("Calls to the target authenticate with {}", authentication.describe());
        if (authentication instanceof ClientCredentialsTokens tokens) {
            tokens.fetchAtStart();
        }
        return authentication;
    }

    /**
     * Per entity, a probe of its target (the API's URL, or the target database) for while it does not answer; an
     * HTTP target answers only once its token endpoint gives a token too.
     */
    private static TargetAvailability targetAvailability(CamelContext context, Settings settings, CompiledMigration migration,
                                                         TargetTrust trust, DataSource targetDb,
                                                         TargetAuthentication authentication) {
        TargetProbe target = TargetProbe.http(settings.targetUrl(), trust);
        TargetProbe http = () -> authentication.available() && target.answers();
        TargetProbe sql = targetDb == null ? () -> false : TargetProbe.sql(targetDb);
        return new TargetAvailability(entity -> migration.entity(entity).writesSql() ? sql : http,
                settings.outage().failuresInARow(), Duration.ofMillis(settings.outage().probeIntervalMillis()),
                context.getExecutorServiceManager().newSingleThreadScheduledExecutor(SpliceConfiguration.class,
                        "target-probe"), Clock.systemUTC());
    }

    /**
     * splice.target.trust-store for every client that calls the target. camel-http serves https:// URLs with its own
     * component instance, "https", so that is the one that gets the trust store (and the http component's other
     * options, see application.properties).
     */
    private static TargetTrust trustTheTarget(CamelContext context, Settings settings) {
        TargetTrust trust = TargetTrust.of(settings.targetTrustStore());
        if (trust.camelParameters() != null) {
            context.getComponent("https", HttpComponent.class).setSslContextParameters(trust.camelParameters());
            LOG.info("Calls to the target trust the certificates of {}", settings.targetTrustStore().path());
        }
        return trust;
    }

    /** The ledger, migrated to the current schema; a dry run's in its own schema, emptied first. */
    private static HikariDataSource openLedger(Settings settings) throws SQLException {
        if (!settings.dryRun()) {
            HikariDataSource ledger = PooledDataSources.open("ledger", settings.ledger());
            LedgerSchema.migrate(ledger);
            return ledger;
        }
        try (HikariDataSource setUp = PooledDataSources.open("ledger-set-up", settings.ledger())) {
            LedgerSchema.recreate(setUp, settings.ledgerSchema());
        }
        LOG.info("Dry run: nothing is written to the target; the ledger is schema {} of the ledger database",
                settings.ledgerSchema());
        return PooledDataSources.open("ledger", settings.ledger(), settings.ledgerSchema());
    }

    /** Pools for the tenants that have their own legacy database. */
    private static Map<String, DataSource> tenantSources(MigrationDefinition definition, Settings settings, Shutdown shutdown) {
        Map<String, DataSource> pools = new HashMap<>();
        for (TenantDefinition tenant : definition.tenants()) {
            TenantSource own = tenant.source();
            if (own != null) {
                pools.put(tenant.name(), shutdown.register(PooledDataSources.open("source-" + tenant.name(),
                        new Settings.Database(own.url(), own.username(), own.password().value(),
                                settings.source().poolSize()))));
            }
        }
        return pools;
    }

    private static MigrationDefinition loadMigration(Settings settings, DataSource source, DataSource targetDb,
                                                     TargetTrust targetTrust) throws InvalidDefinitionException {
        MigrationLoading.Result result = MigrationLoading.check(settings.migrations(), settings.migration(), source,
                targetDb, settings.targetUrl(), targetTrust);
        result.warnings().forEach(warning -> LOG.warn("{}", warning));
        if (!result.valid()) {
            throw new InvalidDefinitionException(result.errors());
        }
        return result.definition();
    }

    private static String property(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key).orElse("");
    }
}
