package io.splice.broker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import io.splice.ledger.Failure;
import io.splice.record.Keys;
import io.splice.record.RecordKey;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;

/**
 * DLQ.splice.&lt;entity&gt;, its one owner: {@link #label} gives every dead letter the same headers whoever writes it
 * (a run, a replay, a release), and {@link #remove} removes the dead letters of records that were replayed, re-read or discarded, so the queue
 * holds only what still waits for an operator.
 */
public class DeadLetterQueue {

    private static final int KEYS_PER_SELECTOR = 100;
    private static final long DRAIN_WAIT_MILLIS = 200;

    private final ConnectionFactory broker;
    private final Queues queues;

    public DeadLetterQueue(ConnectionFactory broker, Queues queues) {
        this.broker = broker;
        this.queues = queues;
    }

    /**
     * After a page is on the broker: the dead letters of its records that were FAILED and are queued again, so a
     * record that migrates now leaves nothing on the DLQ and one that fails again has one dead letter, not two.
     */
    public void retireRequeued(@ExchangeProperty(Keys.TENANT) String tenant, @ExchangeProperty(Keys.ENTITY) String entity,
                               @ExchangeProperty(Keys.REQUEUED_FAILURES) List<?> keys,
                               @ExchangeProperty(Keys.REQUEUED_AT) Long requeuedAt) throws JMSException {
        if (keys != null && !keys.isEmpty()) {
            // the page is on the broker already: a record that failed again since has a new dead letter, which stays
            removeWrittenBefore(tenant, entity, keys.stream().map(String::valueOf).toList(),
                    requeuedAt == null ? Long.MAX_VALUE : requeuedAt);
        }
    }

    /**
     * The headers of a dead letter, and only these: whatever the message carried before (its JMS properties, a
     * request's headers such as spliceTenant, which Camel's case-insensitive headers would otherwise send under
     * that spelling instead of SpliceTenant) is dropped, so {@link #remove}'s selector finds every dead letter.
     *
     * @param key null for a message that cannot be attributed to a record
     */
    public static void label(Message message, RecordKey key, String runId, Failure failure) {
        message.getHeaders().keySet().removeIf(name -> name.regionMatches(true, 0, "splice", 0, "splice".length()));
        if (key != null) {
            message.setHeader(Keys.JMS_TENANT, key.tenant());
            message.setHeader(Keys.JMS_ENTITY, key.entity());
            message.setHeader(Keys.JMS_SOURCE_KEY, key.sourceKey());
        }
        if (runId != null) {
            message.setHeader(Keys.JMS_RUN_ID, runId);
        }
        message.setHeader(Keys.JMS_ERROR_CLASS, failure.errorClass());
        message.setHeader(Keys.JMS_REASON, failure.reason());
        if (failure.httpStatus() != null) {
            message.setHeader(Keys.JMS_HTTP_STATUS, failure.httpStatus());
        }
    }

    /** @return how many dead letters were removed */
    public int remove(String tenant, String entity, Collection<String> sourceKeys) throws JMSException {
        return removeWrittenBefore(tenant, entity, sourceKeys, Long.MAX_VALUE);
    }

    /** @param before epoch millis: only dead letters sent at or before then (JMSTimestamp) */
    private int removeWrittenBefore(String tenant, String entity, Collection<String> sourceKeys, long before)
            throws JMSException {
        int removed = 0;
        try (Connection connection = broker.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            List<String> keys = new ArrayList<>(sourceKeys);
            for (int from = 0; from < keys.size(); from += KEYS_PER_SELECTOR) {
                String selector = "JMSTimestamp <= " + before + " AND SpliceTenant = " + quoted(tenant)
                        + " AND SpliceSourceKey IN ("
                        + keys.subList(from, Math.min(keys.size(), from + KEYS_PER_SELECTOR)).stream()
                        .map(DeadLetterQueue::quoted).collect(Collectors.joining(", ")) + ")";
                try (MessageConsumer consumer = session.createConsumer(session.createQueue(queues.deadLetters(entity)), selector)) {
                    while (consumer.receive(DRAIN_WAIT_MILLIS) != null) {
                        removed++;
                    }
                }
            }
        }
        return removed;
    }

    // a JMS selector string literal: quotes doubled, so a key can never change the selector
    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
