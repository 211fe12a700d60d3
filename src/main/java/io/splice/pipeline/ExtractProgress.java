package io.splice.pipeline;

import java.util.Map;

import io.splice.db.SourceDatabases;
import io.splice.definition.CompiledEntity;
import io.splice.definition.CompiledMigration;
import io.splice.ledger.Runs;
import io.splice.record.Keys;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, pages and ends one entity's extract for one tenant: the keyset, the query's bindings, the bookkeeping. The
 * page query is in the extract route's sql endpoint; the tenant's database is named there from this exchange property.
 */
public class ExtractProgress {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractProgress.class);

    private final CompiledMigration migration;
    private final SourceDatabases sourceDatabases;
    private final Runs runs;
    private final Map<String, Object> defaultParameters;

    public ExtractProgress(CompiledMigration migration, SourceDatabases sourceDatabases, Runs runs,
                           Map<String, Object> defaultParameters) {
        this.migration = migration;
        this.sourceDatabases = sourceDatabases;
        this.runs = runs;
        this.defaultParameters = defaultParameters;
    }

    @SuppressWarnings("unchecked")
    public void begin(Exchange exchange) {
        String runId = exchange.getProperty(Keys.RUN_ID, String.class);
        CompiledEntity entity = migration.entity(exchange.getProperty(Keys.ENTITY, String.class));
        Message message = exchange.getMessage();
        // the first page starts below every key (:#lastKey, or :#lastKey1… for a composite key)
        entity.sourceKey().firstBindings().forEach(message::setHeader);
        message.setHeader(Keys.PAGE_SIZE, entity.pageSize());
        message.setHeader(Keys.TENANT_FILTER, migration.tenant(exchange.getProperty(Keys.TENANT, String.class)).filter());
        // the plan's parameters bind by name too, e.g. :#migrateCompletedProjects (a replay uses their defaults)
        Map<String, Object> parameters = exchange.getProperty(Keys.PLAN_PARAMS, Map.class);
        (parameters != null ? parameters : defaultParameters).forEach(message::setHeader);
        message.setHeader(Keys.MORE, true);
        // the bean the route's sql endpoint reads from: the tenant's own database, or the shared one
        exchange.setProperty(Keys.SOURCE_DATA_SOURCE, sourceDatabases.beanName(exchange.getProperty(Keys.TENANT, String.class)));
        runs.entityStarted(runId, entity.name());
        LOG.info("Extracting {} of tenant {} for run {}", entity.name(), exchange.getProperty(Keys.TENANT), runId);
    }

    /** Before each page: no body, so the query binds from the headers (the keyset and begin's bindings). */
    public void nextPage(Exchange exchange) {
        exchange.getMessage().setBody(null);
    }

    /** Rethrows an extract's failure with the entity's name and the root cause's own words. */
    public void failed(Exchange exchange) throws ExtractFailedException {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        throw new ExtractFailedException(exchange.getProperty(Keys.ENTITY, String.class), error);
    }

    public void end(Exchange exchange) throws StoppedException {
        String runId = exchange.getProperty(Keys.RUN_ID, String.class);
        String entity = exchange.getProperty(Keys.ENTITY, String.class);
        if (exchange.getMessage().getHeader(Keys.MORE, false, Boolean.class)) {
            // the page loop broke off on shutdown: the entity is not read to its end
            throw new StoppedException("while reading " + entity);
        }
        runs.entityFinished(runId, entity);
        LOG.info("Extract of {} of tenant {} finished for run {}", entity, exchange.getProperty(Keys.TENANT), runId);
    }
}
