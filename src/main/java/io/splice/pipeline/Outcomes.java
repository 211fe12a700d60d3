package io.splice.pipeline;

import io.splice.broker.DeadLetterQueue;
import io.splice.broker.Queues;
import io.splice.ledger.Failure;
import io.splice.ledger.Ledger;
import io.splice.observe.RecordMetrics;
import io.splice.record.Keys;
import io.splice.record.RecordContext;
import io.splice.record.RecordKey;
import io.splice.reference.BlockedRecords;
import io.splice.target.ReadBackSampling;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes every record's outcome to the ledger: MIGRATED with the target's id, or FAILED with why. */
public class Outcomes {

    private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);

    private final Ledger ledger;
    private final BlockedRecords blocked;
    private final RecordMetrics metrics;
    private final Queues queues;

    private final ReadBackSampling sampling;

    private final boolean dryRun;

    public Outcomes(Ledger ledger, BlockedRecords blocked, RecordMetrics metrics, Queues queues, ReadBackSampling sampling) {
        this(ledger, blocked, metrics, queues, sampling, false);
    }

    /** @param dryRun nothing reaches the target: no record is ever in doubt */
    public Outcomes(Ledger ledger, BlockedRecords blocked, RecordMetrics metrics, Queues queues, ReadBackSampling sampling,
                    boolean dryRun) {
        this.dryRun = dryRun;
        this.sampling = sampling;
        this.queues = queues;
        this.ledger = ledger;
        this.blocked = blocked;
        this.metrics = metrics;
    }

    /**
     * Right before the record's first call of this delivery: the ledger notes that it may now reach the target, so a
     * crash before its outcome leaves it in doubt (V7). Not in a dry run: nothing is created there.
     */
    public void sending(@ExchangeProperty(Keys.TENANT) String tenant, @ExchangeProperty(Keys.ENTITY) String entity,
                        @ExchangeProperty(Keys.SOURCE_KEY) String sourceKey) {
        if (!dryRun) {
            ledger.markSending(new RecordKey(tenant, entity, sourceKey));
        }
    }

    /**
     * MIGRATED with the target's id; the records it blocked are released with it.
     *
     * @param attempts calls made to the target (null: none counted)
     * @param inDoubt  why an earlier call of it may have reached the target unanswered (InDoubt), or null
     * @return how many records it released (they go out with their wave, see ReleaseWaves)
     */
    public int migrated(@ExchangeProperty(Keys.TENANT) String tenant, @ExchangeProperty(Keys.ENTITY) String entity,
                        @ExchangeProperty(Keys.SOURCE_KEY) String sourceKey, @ExchangeProperty(Keys.RUN_ID) String runId,
                        @ExchangeProperty(Keys.TARGET_ID) String targetId,
                        @ExchangeProperty(Keys.HTTP_STATUS) Integer httpStatus,
                        @ExchangeProperty(Keys.ATTEMPTS) Integer attempts,
                        @ExchangeProperty(Keys.REQUEST_BODY) String requestBody,
                        @ExchangeProperty(Keys.IN_DOUBT) String inDoubt) {
        RecordKey key = new RecordKey(tenant, entity, sourceKey);
        int released = blocked.migrated(key, runId, targetId, httpStatus, attempts == null ? 0 : attempts,
                sampling.kept(key, requestBody));
        if (inDoubt != null) {
            // rare (a lost answer, then a retry or a look-up that settled it): not worth widening the hot path's write
            ledger.markInDoubt(key, inDoubt);
            LOG.info("In doubt {}: {} (now MIGRATED; a target that ignores Idempotency-Key may hold it twice)", key,
                    inDoubt);
        }
        metrics.count(key.tenant(), key.entity(), "migrated", 1);
        return released;
    }

    /**
     * Called by the dead-letter route with the original JMS message (the source record) as body. Also sets
     * the failure on the message so the dead letter explains itself in the DLQ.
     */
    // Exchange: the caught exception, the in-doubt note it may add, and the dead letter's headers on its message
    public void failed(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int attempts = attempts(exchange);
        Failure failure = FailureDescription.of(error, attempts);
        if (exchange.getProperty(Keys.LOOKING_UP, false, Boolean.class)) {
            // a look-up's failure never hides the target's answer to the record itself (an earlier 422's reason)
            failure = failure.keepingEarlier();
        }
        Message message = exchange.getMessage();
        String entity = exchange.getProperty(Keys.ENTITY, String.class);
        boolean foreign = error instanceof ForeignMessageException;
        RecordKey key = foreign ? null : RecordContext.keyOf(exchange);
        // one set of headers for every dead letter, whoever wrote it (DeadLetterQueue owns them)
        DeadLetterQueue.label(message, key, exchange.getProperty(Keys.RUN_ID, String.class), failure);
        // record-dead-letter's jms endpoint names this queue
        exchange.setProperty(Keys.DEAD_LETTER_QUEUE, queues.deadLetters(entity == null ? "unattributed" : entity));
        if (foreign) {
            LOG.warn("Dead-lettering a message that cannot be attributed to a record: {}", failure.message());
            return;
        }
        // the last attempt's doubt is seen here first when no retry was asked (RetryBudget notes the others)
        InDoubt.note(exchange, error);
        ledger.recordFailed(key, failure, attempts, message.getBody(String.class),
                exchange.getProperty(Keys.REQUEST_BODY, String.class), InDoubt.reasonOf(exchange));
        metrics.count(key.tenant(), key.entity(), "failed", 1);
        LOG.warn("FAILED {}: {}", key, withoutRecordName(failure.message(), key));
    }

    /** A failure's words without the record's name in front ("orders 7 (tenant t): "): the log line names it once. */
    static String withoutRecordName(String message, RecordKey key) {
        String named = key.entity() + " " + key.sourceKey();
        if (message == null || !message.startsWith(named)) {
            return message;
        }
        String rest = message.substring(named.length());
        String tenant = " (tenant " + key.tenant() + ")";
        if (rest.startsWith(tenant)) {
            rest = rest.substring(tenant.length());
        }
        return rest.startsWith(": ") ? rest.substring(2) : message;
    }

    // calls made to the target; 0 when the record failed before (mapping)
    private static int attempts(Exchange exchange) {
        return exchange.getProperty(Keys.ATTEMPTS, 0, Integer.class);
    }
}
