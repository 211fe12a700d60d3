package io.splice.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.splice.api.EntityControls;
import io.splice.db.SourceDatabases;
import io.splice.observe.RecordMetrics;
import io.splice.plan.RunOwner;
import io.splice.reference.References;
import io.splice.report.RunReportBuilder;
import io.splice.tls.TargetTrust;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/**
 * The composition root: builds Splice's beans from the typed {@link Settings}, one configuration class per concern,
 * in dependency order (the target's trust, the databases and the validated migration definition, the ledger, the
 * broker, then what uses them), and binds them under the names the routes use. An invalid definition stops the start
 * before anything is sent. The steps with effects keep their order: pools, the ledger's schema, the tenants' pools,
 * the broker, the target's token, the target-probe and tenant-runs threads.
 */
public class SpliceConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings settings = Settings.from(context);
        Shutdown shutdown = new Shutdown();
        context.addService(shutdown, true, true);
        Composition c = new Composition(context, settings, shutdown, context.getRegistry());
        TargetTrust trust = TargetConfiguration.trust(c);
        MigrationConfiguration.Sources sources = MigrationConfiguration.load(c, trust);
        LedgerConfiguration.Stores ledger = LedgerConfiguration.open(c);
        SourceDatabases sourceDatabases = MigrationConfiguration.bind(c, sources);
        BrokerConfiguration.Messaging broker = BrokerConfiguration.open(c, sources.migration());
        ObserveConfiguration.healthChecks(c, ledger, sources, broker.connections().consumerConnectionFactory(), trust);
        ObjectMapper json = c.bind("recordJson", recordJson());
        RecordMetrics metrics = ObserveConfiguration.recordMetrics(c);
        References references = PipelineConfiguration.records(c, sources, sourceDatabases, ledger, broker.queues(),
                metrics, json);
        TargetConfiguration.Target target = TargetConfiguration.bind(c, sources, sourceDatabases, trust, metrics, json);
        RunOwner owner = PlanConfiguration.owner(c);
        RunReportBuilder reports = PipelineConfiguration.runs(c, sources, ledger, target.availability(), owner, json);
        PlanConfiguration.bind(c, sources, ledger, owner, json);
        EntityControls controls = ApiConfiguration.bind(c, sources, ledger, broker, references, target, reports, json);
        ObserveConfiguration.atStart(c, broker.depths(), controls);
        // the root names the tenants' pool in JMX, as it always has
        PlanConfiguration.tenantRunners(c, this);
    }

    /** The one JSON mapper of records, reports and plan values: ISO dates, never epoch numbers. */
    private static ObjectMapper recordJson() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
