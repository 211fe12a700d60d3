package io.splice.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.splice.mapping.RecordMapping;

/**
 * A validated migration as the routes use it: entities by name, the levels a run migrates in order (parents
 * before children), tenants, and who references whom (to release children when a parent is migrated).
 */
public final class CompiledMigration {

    private final String name;
    private final Map<String, CompiledEntity> entities;
    private final Map<String, CompiledTenant> tenants;
    private final List<List<String>> levels;
    private final int hostRate;
    private final java.util.Set<String> referenced = new java.util.HashSet<>();

    private CompiledMigration(String name, Map<String, CompiledEntity> entities, Map<String, CompiledTenant> tenants,
                              List<List<String>> levels, int hostRate) {
        this.name = name;
        this.entities = entities;
        this.tenants = tenants;
        this.levels = levels;
        this.hostRate = hostRate;
        entities.values().forEach(child -> referenced.addAll(child.references().values()));
    }

    /** Compiles a definition the validator found no errors in. */
    public static CompiledMigration compile(MigrationDefinition definition, MigrationDefaults defaults) {
        Map<String, CompiledEntity> entities = new LinkedHashMap<>();
        Map<String, List<String>> parents = new LinkedHashMap<>();
        definition.entities().forEach((name, entity) -> {
            entities.put(name, entity(name, entity, defaults));
            parents.put(name, entity.dependsOn());
        });
        Map<String, CompiledTenant> tenants = new LinkedHashMap<>();
        definition.tenants().forEach(t -> tenants.put(t.name(), new CompiledTenant(t.name(), t.filter(), t.variables(), t.rates())));
        if (tenants.isEmpty()) {
            tenants.put(defaults.tenant(), new CompiledTenant(defaults.tenant(), null, Map.of(), Map.of()));
        }
        int hostRate = definition.target() != null && definition.target().rate() != null
                ? definition.target().rate() : defaults.hostRate();
        return new CompiledMigration(definition.migration(), entities, tenants,
                new DependencyGraph(parents).levels(), hostRate);
    }

    private static CompiledEntity entity(String name, EntityDefinition entity, MigrationDefaults defaults) {
        SourceDefinition source = entity.source();
        RecordMapping mapping = Objects.requireNonNull(RecordMapping.compile(name, entity.mapping(), new ArrayList<>()),
                "mapping of " + name + " was validated");
        SourceKey key = SourceKey.of(source);
        Map<String, String> references = new LinkedHashMap<>();
        Map<String, List<String>> referenceColumns = new LinkedHashMap<>();
        entity.references().forEach((field, reference) -> {
            references.put(field, reference.entity());
            referenceColumns.put(field, reference.columnsOf(field));
        });
        return new CompiledEntity(name, SourceQueries.pageQuery(source), key.columns().get(0), key.types().get(0),
                entity.group(), or(source.pageSize(), defaults.pageSize()),
                or(source.pagesPerSecond(), defaults.pagesPerSecond()), or(entity.concurrency(), defaults.concurrency()),
                Map.copyOf(references), mapping, entity.target(), or(entity.target().rate(), defaults.rate()), key,
                Map.copyOf(referenceColumns), EntityDefinition.ORDER_STRICT.equals(entity.order()));
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    public String name() {
        return name;
    }

    public CompiledEntity entity(String entity) {
        CompiledEntity found = entities.get(entity);
        if (found == null) {
            throw new IllegalArgumentException("Migration " + name + " has no entity '" + entity + "' (entities: "
                    + String.join(", ", entities.keySet()) + ")");
        }
        return found;
    }

    public List<CompiledEntity> entities() {
        return List.copyOf(entities.values());
    }

    public CompiledTenant tenant(String tenant) {
        CompiledTenant found = tenants.get(tenant);
        if (found == null) {
            throw new IllegalArgumentException("Migration " + name + " has no tenant '" + tenant + "' (tenants: "
                    + String.join(", ", tenants.keySet()) + ")");
        }
        return found;
    }

    public List<String> tenantNames() {
        return List.copyOf(tenants.keySet());
    }

    public List<List<String>> levels() {
        return levels;
    }

    public int hostRate() {
        return hostRate;
    }

    /** Whether any entity references this one (its migrated records may release blocked children). */
    public boolean isReferenced(String parent) {
        return referenced.contains(parent);
    }
}
