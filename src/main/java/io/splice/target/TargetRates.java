package io.splice.target;

import io.splice.definition.CompiledMigration;
import io.splice.pipeline.Keys;
import org.apache.camel.Exchange;

/** The throttles' rates: per tenant and entity (the tenant's override, else the entity's), and per target host. */
public class TargetRates {

    private final CompiledMigration migration;

    public TargetRates(CompiledMigration migration) {
        this.migration = migration;
    }

    public int rateOf(Exchange exchange) {
        return migration.tenant(exchange.getProperty(Keys.TENANT, String.class))
                .rateOf(migration.entity(exchange.getProperty(Keys.ENTITY, String.class)));
    }

    public int hostRate() {
        return migration.hostRate();
    }
}
