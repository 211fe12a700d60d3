package io.splice.target;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.splice.definition.CompiledMigration;

/**
 * The rates towards the target: per tenant and entity (the tenant's override, else the entity's), set on a record's
 * exchange before its throttle so the throttle evaluates a property, not a bean; and the host's, one
 * {@link HostPermits} every entity and tenant shares.
 */
public class TargetRates {

    public static final String RATE = "spliceRate";

    private final CompiledMigration migration;
    private final HostPermits hostPermits;
    // set by an operator at runtime (the API, JMX): wins over the definition for every tenant
    private final Map<String, Integer> overrides = new ConcurrentHashMap<>();

    public TargetRates(CompiledMigration migration) {
        this.migration = migration;
        this.hostPermits = new HostPermits(migration.hostRate());
    }

    /** The target host's rate, shared by every entity, tenant and level (call-target-host takes its permits). */
    public HostPermits hostPermits() {
        return hostPermits;
    }

    /** The rate a record of the tenant's entity is throttled at: the operator's override, else the tenant's. */
    public int rate(String tenant, String entity) {
        Integer override = overrides.get(entity);
        return override != null ? override : migration.tenant(tenant).rateOf(migration.entity(entity));
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
