package io.splice.target;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.splice.definition.CompiledMigration;
import io.splice.pipeline.Keys;
import org.apache.camel.Exchange;

/**
 * The throttles' rates for a record, set on its exchange before the throttles so they evaluate a property, not a
 * bean: per tenant and entity (the tenant's override, else the entity's) and per target host.
 */
public class TargetRates {

    public static final String RATE = "spliceRate";
    public static final String HOST_RATE = "spliceHostRate";

    private final CompiledMigration migration;
    // set by an operator at runtime (the API, JMX): wins over the definition for every tenant
    private final Map<String, Integer> overrides = new ConcurrentHashMap<>();

    public TargetRates(CompiledMigration migration) {
        this.migration = migration;
    }

    public void apply(Exchange exchange) {
        String entity = exchange.getProperty(Keys.ENTITY, String.class);
        Integer override = overrides.get(entity);
        exchange.setProperty(RATE, override != null ? override
                : migration.tenant(exchange.getProperty(Keys.TENANT, String.class)).rateOf(migration.entity(entity)));
        exchange.setProperty(HOST_RATE, migration.hostRate());
    }

    /** The entity's rate as records see it now: the operator's override, else the definition's. */
    public int current(String entity) {
        return overrides.getOrDefault(entity, migration.entity(entity).rate());
    }

    /** The entity's rate from now on (requests per throttle period), for every tenant. */
    public void override(String entity, int rate) {
        migration.entity(entity);
        overrides.put(entity, rate);
    }
}
