package io.splice.broker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import io.splice.pipeline.Keys;
import org.apache.camel.Exchange;

/**
 * DLQ.splice.&lt;entity&gt;: removes the dead letters of records that were replayed, re-read or discarded, so the queue
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
    public void retireRequeued(Exchange exchange) throws JMSException {
        List<?> keys = exchange.getProperty(Keys.REQUEUED_FAILURES, List.class);
        exchange.removeProperty(Keys.REQUEUED_FAILURES);
        if (keys != null && !keys.isEmpty()) {
            remove(exchange.getProperty(Keys.TENANT, String.class), exchange.getProperty(Keys.ENTITY, String.class),
                    keys.stream().map(String::valueOf).toList());
        }
    }

    /** @return how many dead letters were removed */
    public int remove(String tenant, String entity, Collection<String> sourceKeys) throws JMSException {
        int removed = 0;
        try (Connection connection = broker.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            List<String> keys = new ArrayList<>(sourceKeys);
            for (int from = 0; from < keys.size(); from += KEYS_PER_SELECTOR) {
                String selector = "SpliceTenant = " + quoted(tenant) + " AND SpliceSourceKey IN ("
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
