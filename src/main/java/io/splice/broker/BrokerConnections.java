package io.splice.broker;

import java.nio.file.Path;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.connection.JmsTransactionManager;

/**
 * The broker Splice talks to (embedded unless splice.broker.url is set) and the connection factories for
 * each side: producers share cached sessions and send a page per transaction; consumers use a plain factory
 * so each keeps its own connection and the message groups pinned to it.
 */
public final class BrokerConnections implements AutoCloseable {

    private static final long QUESTION_TIMEOUT_MILLIS = 5_000;

    private final EmbeddedBroker embedded;
    private final ActiveMQConnectionFactory consumers;
    private final CachingConnectionFactory producers;
    private final ActiveMQConnectionFactory producerTarget;
    private final ActiveMQConnectionFactory questions;

    private BrokerConnections(EmbeddedBroker embedded, String url, BrokerSettings broker) {
        this.embedded = embedded;
        this.consumers = factory(url, broker);
        this.producerTarget = factory(url, broker);
        this.producers = new CachingConnectionFactory(producerTarget);
        producers.setSessionCacheSize(8);
        producers.setCacheProducers(true);
        // a question to the broker (queue depths) fails at once while the broker is away, and is asked again later
        this.questions = factory(url, broker);
        questions.setReconnectAttempts(0);
        questions.setCallTimeout(QUESTION_TIMEOUT_MILLIS);
    }

    /**
     * @param workDir   the embedded broker's journal goes to its broker/ folder
     * @param consumers consumers per migration queue (splice.&lt;entity&gt;)
     */
    public static BrokerConnections open(BrokerSettings broker, Path workDir, Map<String, Integer> consumers)
            throws Exception {
        if (!broker.embedded()) {
            BrokerConnections external = new BrokerConnections(null, broker.url(), broker);
            external.verify(broker);
            return external;
        }
        EmbeddedBroker embedded = EmbeddedBroker.start(broker.config(), workDir.resolve("broker"),
                broker.inVmId(), consumers);
        return new BrokerConnections(embedded, embedded.url(), broker);
    }

    private static ActiveMQConnectionFactory factory(String url, BrokerSettings broker) {
        // the embedded broker is in-VM: nothing travels over a network, there is nothing to encrypt
        ActiveMQConnectionFactory factory = !broker.embedded() && broker.trustStore().configured()
                ? BrokerTls.factory(url, broker.trustStore()) : new ActiveMQConnectionFactory(url);
        if (!broker.username().isEmpty()) {
            factory.setUser(broker.username());
            factory.setPassword(broker.password());
        }
        // keep reconnecting through a broker restart instead of failing the consumers
        factory.setReconnectAttempts(-1);
        factory.setRetryInterval(1000);
        factory.setRetryIntervalMultiplier(1.5);
        factory.setMaxRetryInterval(10_000);
        return factory;
    }

    // consumers would otherwise retry a refused login in the background forever, and the run would wait for them
    private void verify(BrokerSettings broker) throws JMSException {
        try (Connection connection = consumers.createConnection()) {
            connection.getMetaData();
        } catch (JMSException e) {
            throw new IllegalStateException("Broker " + broker.url() + " refused a connection"
                    + (broker.username().isEmpty() ? "" : " as user " + broker.username()) + ": " + e.getMessage()
                    + tlsHint(broker), e);
        }
    }

    // Artemis reports a failed TLS handshake only as "cannot connect" (AMQ219007); say where to look
    private static String tlsHint(BrokerSettings broker) {
        return broker.trustStore().configured()
                ? " (TLS with the trust store " + broker.trustStore().path() + ": does it hold the broker's certificate, "
                + "issued for the host in the URL, and does the broker's acceptor have sslEnabled=true?)"
                : "";
    }

    public ConnectionFactory consumerConnectionFactory() {
        return consumers;
    }

    /** For short questions on a kept connection (the management address): no reconnecting, calls time out. */
    public ConnectionFactory questionConnectionFactory() {
        return questions;
    }

    public ConnectionFactory producerConnectionFactory() {
        return producers;
    }

    /** One JMS transaction per extracted page: one disk sync per page instead of one per message. */
    public SpringTransactionPolicy pageTransactionPolicy() {
        JmsTransactionManager manager = new JmsTransactionManager(producers);
        SpringTransactionPolicy policy = new SpringTransactionPolicy(manager);
        policy.setPropagationBehaviorName("PROPAGATION_REQUIRED");
        return policy;
    }

    @Override
    public void close() throws Exception {
        producers.destroy();
        producerTarget.close();
        consumers.close();
        questions.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
