package io.splice.pipeline;

import io.splice.ledger.Runs;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts and ends one entity's extract: where the keyset begins, and the run's bookkeeping. */
public class ExtractProgress {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractProgress.class);

    private final Runs runs;

    public ExtractProgress(Runs runs) {
        this.runs = runs;
    }

    public void begin(Exchange exchange) {
        String runId = exchange.getProperty(Keys.RUN_ID, String.class);
        String entity = exchange.getProperty(Keys.ENTITY, String.class);
        String keyType = exchange.getProperty(Keys.KEY_TYPE, String.class);
        // the first page starts below every key; the bound value must have the key column's type
        Object firstKey = switch (keyType) {
            case "number" -> Long.MIN_VALUE;
            case "text" -> "";
            default -> throw new IllegalArgumentException(
                    "Entity " + entity + ": keyType must be 'number' or 'text', was '" + keyType + "'");
        };
        exchange.getMessage().setHeader(Keys.LAST_KEY, firstKey);
        // bound as LIMIT :#splicePageSize, so it must be a number, not the template's text
        exchange.getMessage().setHeader(Keys.PAGE_SIZE, pageSize(entity, exchange.getProperty(Keys.CONFIGURED_PAGE_SIZE, String.class)));
        exchange.getMessage().setHeader(Keys.MORE, true);
        runs.entityStarted(runId, entity);
        LOG.info("Extracting {} for run {}", entity, runId);
    }

    private static int pageSize(String entity, String configured) {
        try {
            int size = Integer.parseInt(configured.trim());
            if (size > 0) {
                return size;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below with the entity's name
        }
        throw new IllegalArgumentException("Entity " + entity + ": pageSize must be a whole number above 0, was '"
                + configured + "'");
    }

    /** Rethrows an extract's failure with the entity's name and the root cause's own words. */
    public void failed(Exchange exchange) throws ExtractFailedException {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        throw new ExtractFailedException(exchange.getProperty(Keys.ENTITY, String.class), error);
    }

    public void end(Exchange exchange) {
        String runId = exchange.getProperty(Keys.RUN_ID, String.class);
        String entity = exchange.getProperty(Keys.ENTITY, String.class);
        runs.entityFinished(runId, entity);
        LOG.info("Extract of {} finished for run {}", entity, runId);
    }
}
