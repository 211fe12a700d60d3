package io.splice.target;

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

    public TargetRates(CompiledMigration migration) {
        this.migration = migration;
    }

    public void apply(Exchange exchange) {
        exchange.setProperty(RATE, migration.tenant(exchange.getProperty(Keys.TENANT, String.class))
                .rateOf(migration.entity(exchange.getProperty(Keys.ENTITY, String.class))));
        exchange.setProperty(HOST_RATE, migration.hostRate());
    }
}
