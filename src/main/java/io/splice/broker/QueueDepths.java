package io.splice.broker;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many messages the broker holds per queue, asked through Artemis' management address (the same way for the
 * embedded and an external broker; the user needs the {@code manage} permission broker.xml gives role splice).
 * Answers are kept for a moment, so one scrape of many gauges asks the broker once.
 */
public class QueueDepths {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDepths.class);
    private static final String MANAGEMENT_ADDRESS = "activemq.management";

    private final ConnectionFactory broker;
    private final List<String> queues;
    private final long maxAgeMillis;
    private Map<String, Long> last = Map.of();
    private long askedAt;

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
            last = ask();
            askedAt = now;
        }
        return last.getOrDefault(queue, -1L);
    }

    private Map<String, Long> ask() {
        Map<String, Long> depths = new LinkedHashMap<>();
        try (Connection connection = broker.createConnection()) {
            QueueConnection queueConnection = (QueueConnection) connection;
            QueueSession session = queueConnection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue management = session.createQueue(MANAGEMENT_ADDRESS);
            QueueRequestor requestor = new QueueRequestor(session, management);
            connection.start();
            for (String queue : queues) {
                Message request = session.createMessage();
                JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
                Message reply = requestor.request(request);
                // a queue that was never created has no resource: it holds nothing
                depths.put(queue, JMSManagementHelper.hasOperationSucceeded(reply)
                        ? ((Number) JMSManagementHelper.getResult(reply)).longValue() : 0L);
            }
            requestor.close();
        } catch (Exception e) {
            LOG.debug("Queue depths not available: {}", e.toString());
            return Map.of();
        }
        return depths;
    }
}
