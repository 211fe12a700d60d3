package io.splice.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.splice.definition.CompiledMigration;
import io.splice.target.TargetRates;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.component.jms.JmsConsumer;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * An entity's rate and concurrency while Splice runs — for the API and, as an MBean
 * ({@code org.apache.camel:context=splice,type=services,name=EntityControls}), for Hawtio and JConsole.
 */
@ManagedResource(description = "Splice: rate and concurrency of each entity while it runs")
public class EntityControls {

    private final CamelContext context;
    private final CompiledMigration migration;
    private final TargetRates rates;

    public EntityControls(CamelContext context, CompiledMigration migration, TargetRates rates) {
        this.context = context;
        this.migration = migration;
        this.rates = rates;
    }

    @ManagedAttribute(description = "Requests per throttle period of each entity (operator overrides included)")
    public Map<String, Integer> getRates() {
        Map<String, Integer> current = new LinkedHashMap<>();
        migration.entities().forEach(entity -> current.put(entity.name(), rates.current(entity.name())));
        return current;
    }

    @ManagedOperation(description = "Sets an entity's rate (requests per throttle period, 1 to 10000) for every tenant")
    public void setRate(String entity, int rate) {
        // the throttle holds a permit object per request of the period: an unbounded rate exhausts the heap
        if (rate < 1 || rate > ApiLimits.MAX_RATE) {
            throw new ApiException(400, "rate: must be a whole number from 1 to " + ApiLimits.MAX_RATE + ", was " + rate);
        }
        rates.override(entity, rate);
    }

    @ManagedAttribute(description = "Consumers of each entity's queue")
    public Map<String, Integer> getConcurrency() {
        Map<String, Integer> current = new LinkedHashMap<>();
        migration.entities().forEach(entity -> current.put(entity.name(), container(entity.name()).getConcurrentConsumers()));
        return current;
    }

    /**
     * Sets the consumers of an entity's queue; message groups are rebalanced by the broker onto the new set, each
     * group still one consumer at a time.
     */
    @ManagedOperation(description = "Sets the consumers of an entity's queue (1 to 64)")
    public void setConcurrency(String entity, int consumers) {
        if (consumers < 1 || consumers > ApiLimits.MAX_CONCURRENCY) {
            throw new ApiException(400, "concurrency: must be a whole number from 1 to " + ApiLimits.MAX_CONCURRENCY
                    + ", was " + consumers);
        }
        DefaultMessageListenerContainer container = container(entity);
        if (consumers >= container.getConcurrentConsumers()) {
            container.setMaxConcurrentConsumers(consumers);
            container.setConcurrentConsumers(consumers);
        } else {
            container.setConcurrentConsumers(consumers);
            container.setMaxConcurrentConsumers(consumers);
        }
    }

    private DefaultMessageListenerContainer container(String entity) {
        migration.entity(entity);
        Route route = context.getRoute("load-" + entity);
        try {
            return (DefaultMessageListenerContainer) ((JmsConsumer) route.getConsumer()).getListenerContainer();
        } catch (Exception e) {
            throw new IllegalStateException("The consumers of " + entity + " cannot be reached: " + e.getMessage(), e);
        }
    }
}
