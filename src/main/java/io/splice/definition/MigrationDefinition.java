package io.splice.definition;

import java.util.LinkedHashMap;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * One migration, as written in {@code config/migrations/<name>.yaml}: its tenants and its entities (in file
 * order). Bound strictly from YAML by {@link DefinitionLoader}; checked by {@link DefinitionValidator}.
 */
public record MigrationDefinition(
        String migration,
        String description,
        TargetSettings target,
        @JsonSetter(contentNulls = Nulls.FAIL) List<TenantDefinition> tenants,
        LinkedHashMap<String, EntityDefinition> entities,
        PlanDefinition plan,
        @JsonIgnore String file) {

    public MigrationDefinition {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        entities = entities == null ? new LinkedHashMap<>() : entities;
    }

    MigrationDefinition withFile(String file) {
        return new MigrationDefinition(migration, description, target, tenants, entities, plan, file);
    }

    /** Settings shared by every entity's calls to the target host. */
    public record TargetSettings(Integer rate) {
    }
}
