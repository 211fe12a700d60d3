package io.splice.definition;

import java.util.Map;

/** A tenant as a run uses it: the filter value its source queries bind, its mapping variables and rates. */
public record CompiledTenant(String name, String filter, Map<String, Object> variables, Map<String, Integer> rates) {

    /** The tenant's rate for an entity: its own override, else the entity's. */
    public int rateOf(CompiledEntity entity) {
        return rates.getOrDefault(entity.name(), entity.rate());
    }
}
