package io.splice.api;

import io.splice.broker.Queues;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.jms.JmsConsumer;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * Load routes whose consumers are JMS listener containers, as EntityControls sizes them, without a broker: the routes
 * are never started, so nothing connects (the factory points at a port nobody listens on).
 */
final class JmsLoadRoutes {

    private JmsLoadRoutes() {
    }

    static JmsComponent component() {
        return JmsComponent.jmsComponent(new ActiveMQConnectionFactory("tcp://127.0.0.1:1"));
    }

    /**
     * The load route's endpoint with this many consumers (add the route with autoStartup(false)); a started one
     * retries its connection every 100 ms, so stopping it does not wait out the default 5 s back-off.
     */
    static String uri(String entity, int consumers) {
        return "jms:queue:" + Queues.MIGRATION.entity(entity) + "?concurrentConsumers=" + consumers
                + "&maxConcurrentConsumers=" + consumers + "&recoveryInterval=100";
    }

    static DefaultMessageListenerContainer container(CamelContext camel, String entity) {
        try {
            return (DefaultMessageListenerContainer) ((JmsConsumer) camel.getRoute("load-" + entity).getConsumer())
                    .getListenerContainer();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
