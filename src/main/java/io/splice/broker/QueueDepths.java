package io.splice.broker;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many messages the broker holds per queue, asked through Artemis' management address (the same way for the
 * embedded and an external broker; the user needs the {@code manage} permission broker.xml gives role splice).
 * Answers are kept for a moment, so one scrape of many gauges asks the broker once.
 * <p>
 * One connection is kept open for the questions and opened again after a failure: the extract asks before every
 * page, and while it waits for its consumers, every 50 ms (a connection, a session and a temporary queue per
 * question cost more CPU than the records it let through, issue 7). A reply that does not come within
 * {@link #REPLY_TIMEOUT_MILLIS} (the broker restarting) counts as a failure: the answer is then -1, never a wait.
 */
public class QueueDepths implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDepths.class);
    private static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final long REPLY_TIMEOUT_MILLIS = 5_000;

    private final ConnectionFactory broker;
    private final List<String> queues;
    private final long maxAgeMillis;
    private Map<String, Long> last = Map.of();
    private long askedAt;
    private Asker asker;
    private boolean closed;

    public QueueDepths(ConnectionFactory broker, Collection<String> queues, long maxAgeMillis) {
        this.broker = broker;
        this.queues = List.copyOf(queues);
        this.maxAgeMillis = maxAgeMillis;
    }

    public List<String> queues() {
        return queues;
    }

    /** Messages in the queue (0 while it does not exist yet); -1 when the broker cannot be asked. */
    public synchronized long depth(String queue) {
        long now = System.currentTimeMillis();
        if (now - askedAt >= maxAgeMillis) {
            last = ask(queues);
            askedAt = now;
        }
        return last.getOrDefault(queue, -1L);
    }

    /**
     * The queue's depth asked now, for this queue alone, and not kept: what the extract needs before a page (a kept
     * answer would let it send several pages on one look, and the other queues are not its business).
     */
    public synchronized long currentDepth(String queue) {
        return ask(List.of(queue)).getOrDefault(queue, -1L);
    }

    private Map<String, Long> ask(List<String> asked) {
        if (closed) {
            return Map.of();
        }
        try {
            if (asker == null) {
                asker = new Asker(broker.createConnection());
            }
            Map<String, Long> depths = new LinkedHashMap<>();
            for (String queue : asked) {
                depths.put(queue, asker.messageCount(queue));
            }
            return depths;
        } catch (Exception e) {
            LOG.debug("Queue depths not available: {}", e.toString());
            dropAsker();
            return Map.of();
        }
    }

    private void dropAsker() {
        if (asker != null) {
            asker.close();
            asker = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        dropAsker();
    }

    /** A connection, a session and a temporary queue for the replies: the questions one after another. */
    private static final class Asker {

        private final Connection connection;
        private final Session session;
        private final MessageProducer requests;
        private final TemporaryQueue replyTo;
        private final MessageConsumer replies;

        Asker(Connection connection) throws JMSException {
            this.connection = connection;
            try {
                session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                requests = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
                // a question is worth nothing after a restart: no disk, no blocking send
                requests.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
                replyTo = session.createTemporaryQueue();
                replies = session.createConsumer(replyTo);
                connection.start();
            } catch (JMSException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        long messageCount(String queue) throws Exception {
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
            request.setJMSReplyTo(replyTo);
            requests.send(request);
            Message reply = replies.receive(REPLY_TIMEOUT_MILLIS);
            if (reply == null) {
                throw new JMSException("no reply from the broker's management address within "
                        + REPLY_TIMEOUT_MILLIS + " ms");
            }
            // a queue that was never created has no resource: it holds nothing
            return JMSManagementHelper.hasOperationSucceeded(reply)
                    ? ((Number) JMSManagementHelper.getResult(reply)).longValue() : 0L;
        }

        // the temporary queue first, and synchronously: after a close, the broker removes it in the background, and
        // a broker stopped just after (the embedded one, at shutdown) logged the failed removal as an error
        void close() {
            try {
                replies.close();
                replyTo.delete();
            } catch (JMSException | RuntimeException e) {
                LOG.debug("Removing the queue depths' reply queue: {}", e.toString());
            }
            try {
                connection.close();
            } catch (JMSException e) {
                LOG.debug("Closing the queue depths' connection: {}", e.toString());
            }
        }
    }
}
