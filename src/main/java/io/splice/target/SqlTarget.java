package io.splice.target;

import java.sql.SQLException;
import java.util.Map;

import io.splice.db.SqlErrors;
import io.splice.definition.CompiledMigration;
import io.splice.record.Keys;
import io.splice.record.PermanentFailure;
import io.splice.record.RecordKey;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;

/**
 * Writes a mapped record into the new system's database with the entity's statement (for records its API has no
 * endpoint for). The statement is in the route's sql endpoint (write-target-sql's parameter). Data and constraint errors
 * are permanent; everything else (connections, timeouts) is retried.
 */
public class SqlTarget {

    private final CompiledMigration migration;
    private final TargetRates rates;
    private final boolean dryRun;

    /** @param dryRun nothing is written: the statement was prepared at start, the mapped record checked */
    public SqlTarget(CompiledMigration migration, TargetRates rates, boolean dryRun) {
        this.dryRun = dryRun;
        this.migration = migration;
        this.rates = rates;
    }

    /**
     * The mapped record becomes the body, whose fields bind the statement's :#field parameters. Takes the exchange: a
     * bean step that replaces the body and headers (a method expression would lose them) and counts the attempt.
     */
    public void prepare(Exchange exchange) {
        Message message = exchange.getMessage();
        Keys.clearHeadersKeepingRedelivery(message);
        exchange.setProperty(Keys.ATTEMPTS, exchange.getProperty(Keys.ATTEMPTS, 0, Integer.class) + 1);
        message.setBody(exchange.getProperty(Keys.MAPPED, Map.class));
        if (dryRun) {
            exchange.setProperty(Keys.DRY_RUN, true);
        }
    }

    /** The rate the record's throttle uses (spliceRate): see {@link TargetRates#rate}. */
    public int rate(@ExchangeProperty(Keys.TENANT) String tenant, @ExchangeProperty(Keys.ENTITY) String entity) {
        return rates.rate(tenant, entity);
    }

    /** Whether the statement is skipped (spliceSkipCall): a dry run writes nothing. */
    public boolean skipsCall() {
        return dryRun;
    }

    /** The target id (spliceTargetId): the mapped field named by idField, else the source key. */
    public String targetId(@ExchangeProperty(Keys.ENTITY) String entity, @ExchangeProperty(Keys.MAPPED) Map<?, ?> mapped,
                           @ExchangeProperty(Keys.SOURCE_KEY) String sourceKey) {
        String idField = migration.entity(entity).target().sql().idField();
        Object id = idField == null ? null : mapped.get(idField);
        return id == null ? sourceKey : String.valueOf(id);
    }

    /** Rethrows the database's error: permanent for bad data (SQLState class 22, 23), transient otherwise. */
    public void failed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception error,
                       @ExchangeProperty(Keys.TENANT) String tenant, @ExchangeProperty(Keys.ENTITY) String entity,
                       @ExchangeProperty(Keys.SOURCE_KEY) String sourceKey) throws Exception {
        SQLException sql = sqlCause(error);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("22") || state.startsWith("23")) {
            throw new RejectedBySqlTarget(new RecordKey(tenant, entity, sourceKey), state, SqlErrors.reason(sql));
        }
        throw error;
    }

    private static SQLException sqlCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** The new system's database refused the record's data. */
    static class RejectedBySqlTarget extends PermanentFailure {
        RejectedBySqlTarget(RecordKey key, String sqlState, String message) {
            super("SQL " + sqlState + ": " + message.replaceAll("\\d+", "#"),
                    key + ": the target database refused it (SQLState " + sqlState + "): " + message);
        }
    }
}
