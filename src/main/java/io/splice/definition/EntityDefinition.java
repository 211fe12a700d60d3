package io.splice.definition;

import java.util.LinkedHashMap;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.splice.mapping.MappingDefinition;

/**
 * One entity of a migration: where its records come from, how they are grouped, what they reference, how they
 * become the target's record and where they go.
 *
 * @param references source column → parent entity: the column holds the parent's source key, and is sent as
 *                   the parent's target id (looked up in the ledger); or a field name → a parent and the columns
 *                   holding its (composite) key ({@link ReferenceDefinition}). An entity may reference itself.
 * @param order      group (default): a group's records go in source order, a BLOCKED or FAILED one holds back
 *                   nobody; strict: it holds back the later records of its group until it migrates
 */
public record EntityDefinition(
        SourceDefinition source,
        String group,
        Integer concurrency,
        @JsonSetter(contentNulls = Nulls.FAIL) List<String> dependsOn,
        @JsonSetter(contentNulls = Nulls.FAIL) LinkedHashMap<String, ReferenceDefinition> references,
        MappingDefinition mapping,
        TargetDefinition target,
        String order) {

    public static final String ORDER_GROUP = "group";
    public static final String ORDER_STRICT = "strict";

    public EntityDefinition(SourceDefinition source, String group, Integer concurrency, List<String> dependsOn,
                            LinkedHashMap<String, ReferenceDefinition> references, MappingDefinition mapping,
                            TargetDefinition target) {
        this(source, group, concurrency, dependsOn, references, mapping, target, null);
    }

    public EntityDefinition {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        references = references == null ? new LinkedHashMap<>() : references;
    }

    EntityDefinition withMapping(MappingDefinition resolved) {
        return new EntityDefinition(source, group, concurrency, dependsOn, references, resolved, target, order);
    }
}
