package io.splice.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * A customer (the legacy system's sub-project) migrated with its own overrides: the value bound as
 * {@code :#tenantFilter} in source queries, variables for mappings ({@code $variables}), per-entity rates, and
 * its own legacy database when its records are not in the shared one.
 */
public record TenantDefinition(String name, String filter, Map<String, Object> variables,
                               @JsonSetter(contentNulls = Nulls.FAIL) Map<String, Integer> rates,
                               TenantSource source) {

    public TenantDefinition {
        // a variable may be null (the expression sees null); Map.copyOf would refuse it
        variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        rates = rates == null ? Map.of() : Map.copyOf(rates);
    }
}
