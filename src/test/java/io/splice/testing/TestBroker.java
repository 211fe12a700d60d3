package io.splice.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.splice.broker.EmbeddedBroker;
import io.splice.record.Keys;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Splice's embedded Artemis (broker/broker.xml, in-VM, journal in a temporary directory) for a test class: dead
 * letters put on a queue as the routes label them, and read back without taking them.
 */
public final class TestBroker implements AutoCloseable {

    private final EmbeddedBroker broker;
    private final ActiveMQConnectionFactory factory;
    private final Path data;

    private TestBroker(EmbeddedBroker broker, Path data) {
        this.broker = broker;
        this.data = data;
        this.factory = new ActiveMQConnectionFactory(broker.url());
    }

    public static TestBroker start() throws Exception {
        Path data = Files.createTempDirectory("splice-test-broker-");
        // an in-VM id of its own, so a test JVM's other brokers are not this one
        int inVmId = ThreadLocalRandom.current().nextInt(1_000, 1_000_000);
        return new TestBroker(EmbeddedBroker.start("broker/broker.xml", data, inVmId, Map.of()), data);
    }

    public ConnectionFactory connectionFactory() {
        return factory;
    }

    /** A dead letter of the tenant's record, as DeadLetterQueue.label heads it. */
    public void deadLetter(String queue, String tenant, String entity, String sourceKey) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            Message message = session.createTextMessage("{\"id\": \"" + sourceKey + "\"}");
            message.setStringProperty(Keys.JMS_TENANT, tenant);
            message.setStringProperty(Keys.JMS_ENTITY, entity);
            message.setStringProperty(Keys.JMS_SOURCE_KEY, sourceKey);
            producer.send(message);
        }
    }

    /** "tenant/sourceKey" of every message on the queue, sorted; nothing is taken off it. */
    public List<String> deadLetters(String queue) throws JMSException {
        List<String> found = new ArrayList<>();
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
                for (Object message : Collections.list(browser.getEnumeration())) {
                    found.add(((Message) message).getStringProperty(Keys.JMS_TENANT) + "/"
                            + ((Message) message).getStringProperty(Keys.JMS_SOURCE_KEY));
                }
            }
        }
        Collections.sort(found);
        return found;
    }

    /** Empties the queue. */
    public void purge(String queue) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (var consumer = session.createConsumer(session.createQueue(queue))) {
                while (consumer.receive(200) != null) {
                    // taken off the queue
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        factory.close();
        broker.close();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
