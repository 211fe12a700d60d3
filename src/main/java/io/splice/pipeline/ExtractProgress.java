package io.splice.pipeline;

import java.util.Map;

import io.splice.db.SourceDatabases;
import io.splice.definition.CompiledEntity;
import io.splice.definition.CompiledMigration;
import io.splice.ledger.Runs;
import io.splice.record.Keys;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, pages and ends one entity's extract for one tenant: the keyset, the query's bindings, the bookkeeping. The
 * page query is in the extract route's sql endpoint; the tenant's database is named there by {@link #sourceDataSource}.
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

    /**
     * The bean the route's sql endpoint reads from (spliceSourceDataSource): the tenant's own database
     * ({@code source-<tenant>}), or the shared one.
     */
    public String sourceDataSource(@ExchangeProperty(Keys.TENANT) String tenant) {
        return sourceDatabases.beanName(tenant);
    }

    /**
     * The first page's bindings as headers, and the entity's extract noted as started in the run.
     *
     * @param parameters the plan's parameters; null (a replay) binds their defaults
     */
    // Message: many outputs, each of the query's :#bindings is a header of its own
    public void begin(@ExchangeProperty(Keys.RUN_ID) String runId, @ExchangeProperty(Keys.TENANT) String tenant,
                      @ExchangeProperty(Keys.ENTITY) String entityName,
                      @ExchangeProperty(Keys.PLAN_PARAMS) Map<String, Object> parameters, Message message) {
        CompiledEntity entity = migration.entity(entityName);
        // the first page starts below every key (:#lastKey, or :#lastKey1… for a composite key)
        entity.sourceKey().firstBindings().forEach(message::setHeader);
        message.setHeader(Keys.PAGE_SIZE, entity.pageSize());
        message.setHeader(Keys.TENANT_FILTER, migration.tenant(tenant).filter());
        // the plan's parameters bind by name too, e.g. :#migrateCompletedProjects
        (parameters != null ? parameters : defaultParameters).forEach(message::setHeader);
        runs.entityStarted(runId, entity.name());
        LOG.info("Extracting {} of tenant {} for run {}", entity.name(), tenant, runId);
    }

    /** Before each page: no body, so the query binds from the headers (the keyset and begin's bindings). */
    // Message: the body is what is cleared
    public void nextPage(Message message) {
        message.setBody(null);
    }

    /** Rethrows an extract's failure with the entity's name and the root cause's own words. */
    public void failed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable error,
                       @ExchangeProperty(Keys.ENTITY) String entity) throws ExtractFailedException {
        throw new ExtractFailedException(entity, error);
    }

    /**
     * The entity read to its end: noted finished in the run.
     *
     * @param more the page loop's condition (spliceMore): still true when the loop broke off on shutdown
     * @throws StoppedException the entity is not read to its end
     */
    public void end(@ExchangeProperty(Keys.RUN_ID) String runId, @ExchangeProperty(Keys.TENANT) String tenant,
                    @ExchangeProperty(Keys.ENTITY) String entity, @Header(Keys.MORE) Boolean more)
            throws StoppedException {
        if (Boolean.TRUE.equals(more)) {
            throw new StoppedException("while reading " + entity);
        }
        runs.entityFinished(runId, entity);
        LOG.info("Extract of {} of tenant {} finished for run {}", entity, tenant, runId);
    }
}
