package io.splice.definition;

import java.util.Map;

/**
 * A customer (the legacy system's sub-project) migrated with its own overrides: the value bound as
 * {@code :#tenantFilter} in source queries, variables for mappings ({@code $variables}), per-entity rates, and
 * its own legacy database when its records are not in the shared one.
 */
public record TenantDefinition(String name, String filter, Map<String, Object> variables, Map<String, Integer> rates,
                               TenantSource source) {

    public TenantDefinition {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        rates = rates == null ? Map.of() : Map.copyOf(rates);
    }
}
