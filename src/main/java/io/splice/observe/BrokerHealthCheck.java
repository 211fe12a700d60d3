package io.splice.observe;

import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** The broker: UP when a connection can be opened (embedded or external). */
public class BrokerHealthCheck extends AbstractHealthCheck {

    private final ConnectionFactory broker;

    public BrokerHealthCheck(ConnectionFactory broker) {
        super("splice", "broker");
        this.broker = broker;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection connection = broker.createConnection()) {
            builder.up();
        } catch (Exception e) {
            builder.down().message(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
