package io.splice.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import io.splice.broker.BrokerConnections;
import io.splice.db.PooledDataSources;
import io.splice.ledger.Ledger;
import io.splice.ledger.LedgerSchema;
import io.splice.ledger.Runs;
import io.splice.mapping.AddressMapping;
import io.splice.pipeline.ExtractProgress;
import io.splice.pipeline.IncomingRecord;
import io.splice.pipeline.Outcomes;
import io.splice.pipeline.PageFilter;
import io.splice.pipeline.RecordMessage;
import io.splice.pipeline.RunControl;
import io.splice.report.ReportFiles;
import io.splice.report.RunReportBuilder;
import io.splice.target.TargetRequest;
import io.splice.target.TargetResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.spi.Registry;

/**
 * The composition root: builds Splice's beans from the {@code splice.*} properties, in dependency order
 * (databases and broker before anything that uses them), and binds them under the names the routes use.
 */
public class SpliceConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings settings = Settings.from(context);
        Shutdown shutdown = new Shutdown();
        context.addService(shutdown, true, true);
        Registry registry = context.getRegistry();

        HikariDataSource source = shutdown.register(PooledDataSources.open("source", settings.source()));
        HikariDataSource ledgerDb = shutdown.register(PooledDataSources.open("ledger", settings.ledger()));
        LedgerSchema.migrate(ledgerDb);
        registry.bind("sourceDataSource", source);
        registry.bind("ledgerDataSource", ledgerDb);

        BrokerConnections broker = shutdown.register(BrokerConnections.open(settings));
        registry.bind("jmsConsumerConnectionFactory", broker.consumerConnectionFactory());
        registry.bind("jmsProducerConnectionFactory", broker.producerConnectionFactory());
        registry.bind("jmsPageTransaction", broker.pageTransactionPolicy());

        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Ledger ledger = new Ledger(ledgerDb);
        Runs runs = new Runs(ledgerDb);
        registry.bind("recordJson", json);
        registry.bind("ledger", ledger);
        registry.bind("extractProgress", new ExtractProgress(runs));
        registry.bind("pageFilter", new PageFilter(ledger, runs));
        registry.bind("recordMessage", new RecordMessage(json));
        registry.bind("incomingRecord", new IncomingRecord(ledger));
        registry.bind("outcomes", new Outcomes(ledger));
        registry.bind("targetRequest", new TargetRequest(settings.targetToken()));
        registry.bind("targetResponse", new TargetResponse(json,
                Long.parseLong(property(context, "splice.retry.max-retry-after-millis"))));
        registry.bind("addressMapping", new AddressMapping());
        registry.bind("runControl", new RunControl(settings.tenant(), runs, ledger,
                new RunReportBuilder(ledger, runs), new ReportFiles(settings.workDir(), json)));
    }

    private static String property(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key).orElse("");
    }
}
