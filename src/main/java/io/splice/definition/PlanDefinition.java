package io.splice.definition;

import java.util.LinkedHashMap;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A migration's plan: its parameters (with defaults, overridable when a run starts) and the ordered stages every
 * tenant's run goes through. A definition without a plan migrates all entities in one stage, then reports.
 */
public record PlanDefinition(LinkedHashMap<String, ParameterDefinition> parameters, List<StageDefinition> stages) {

    public PlanDefinition {
        parameters = parameters == null ? new LinkedHashMap<>() : parameters;
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** @param type boolean, integer, number or string */
    public record ParameterDefinition(String type, @JsonProperty("default") Object defaultValue, String description) {
    }
}
