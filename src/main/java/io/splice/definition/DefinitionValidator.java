package io.splice.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.splice.mapping.MappingDefinition;
import io.splice.mapping.MappingProblem;
import io.splice.mapping.RecordMapping;

/**
 * Checks a definition without touching any database: required and well-formed fields, dependencies and
 * references, tenants, and that every mapping compiles. {@link DatabaseChecks} adds what needs the databases.
 */
public final class DefinitionValidator {

    static final Pattern TENANT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public List<DefinitionError> validate(MigrationDefinition definition) {
        List<DefinitionError> errors = new ArrayList<>();
        Problems problems = new Problems(definition.file(), null, errors);
        if (problems.required("migration", definition.migration(),
                "the migration's name (lowercase letters, digits, - and _)")
                && !TENANT_NAME.matcher(definition.migration()).matches()) {
            problems.add("migration", "must be lowercase letters, digits, - and _, was '" + definition.migration() + "'");
        }
        if (definition.target() != null) {
            problems.positive("target.rate", definition.target().rate());
        }
        if (definition.entities().isEmpty()) {
            problems.add("entities", "is required: at least one entity");
            return errors;
        }
        Set<String> names = definition.entities().keySet();
        definition.entities().forEach((name, entity) -> {
            Problems entityProblems = problems.forEntity(name);
            EntityChecks.check(name, entity, names, entityProblems);
            ReferenceChecks.arity(name, entity, definition.entities(), entityProblems);
            EntityChecks.pathOnlyFields(entity, entityProblems);
            if (entity != null && entity.mapping() != null) {
                compileMapping(name, entity.mapping(), entityProblems);
            }
        });
        cycles(definition, problems);
        tenants(definition, problems);
        PlanChecks.check(definition, problems);
        return errors;
    }

    private static void compileMapping(String entity, MappingDefinition mapping, Problems problems) {
        List<MappingProblem> found = new ArrayList<>();
        RecordMapping.compile(entity, mapping, found);
        found.forEach(problem -> problems.add(problem.path(), problem.message()));
    }

    private static void cycles(MigrationDefinition definition, Problems problems) {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        definition.entities().forEach((name, entity) -> parents.put(name, entity == null ? List.of() : entity.dependsOn()));
        Optional<List<String>> cycle = new DependencyGraph(parents).cycle();
        cycle.ifPresent(path -> problems.forEntity(path.get(0)).add("dependsOn",
                "dependency cycle: " + String.join(" → ", path)));
    }

    private static void tenantSource(TenantSource source, String at, Problems problems) {
        if (source == null) {
            return;
        }
        problems.required(at + ".url", source.url(), "the JDBC url of the tenant's own legacy database");
        if (source.passwordEnv() != null && source.passwordFile() != null) {
            problems.add(at, "give either passwordEnv or passwordFile, not both");
            return;
        }
        String problem = source.password().problem();
        if (problem != null) {
            problems.add(at + (source.passwordEnv() != null ? ".passwordEnv" : ".passwordFile"), problem);
        }
    }

    private static void tenants(MigrationDefinition definition, Problems problems) {
        List<String> filtering = definition.entities().entrySet().stream()
                .filter(entry -> entry.getValue() != null && EntityChecks.filtersByTenant(entry.getValue().source()))
                .map(Map.Entry::getKey).toList();
        if (definition.tenants().isEmpty()) {
            filtering.forEach(entity -> problems.forEntity(entity).add("source",
                    "filters by tenant (:#tenantFilter or tenantColumn), but the migration defines no tenants"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < definition.tenants().size(); i++) {
            TenantDefinition tenant = definition.tenants().get(i);
            String at = "tenants[" + i + "]";
            if (problems.required(at + ".name", tenant.name(), "the tenant's name (lowercase letters, digits, - and _)")) {
                if (!TENANT_NAME.matcher(tenant.name()).matches()) {
                    problems.add(at + ".name", "must be lowercase letters, digits, - and _, was '" + tenant.name() + "'");
                } else if (!seen.add(tenant.name())) {
                    problems.add(at + ".name", "'" + tenant.name() + "' appears twice");
                }
            }
            if (!filtering.isEmpty() && (tenant.filter() == null || tenant.filter().isBlank())) {
                problems.add(at + ".filter", "is required: entities " + String.join(", ", filtering)
                        + " read only the tenant's records, by this value");
            }
            tenantSource(tenant.source(), at + ".source", problems);
            tenant.rates().forEach((entity, rate) -> {
                if (!definition.entities().containsKey(entity)) {
                    problems.add(at + ".rates." + entity, EntityChecks.unknown(entity, definition.entities().keySet()));
                } else {
                    problems.positive(at + ".rates." + entity, rate);
                }
            });
        }
        long sharingTheSource = definition.tenants().stream().filter(t -> t.source() == null).count();
        if (sharingTheSource > 1) {
            definition.entities().forEach((name, entity) -> {
                if (entity != null && entity.source() != null && !filtering.contains(name)) {
                    problems.forEntity(name).add("source", "does not filter by tenant (bind :#tenantFilter in the "
                            + "query, or set tenantColumn), but several tenants read the shared source: each would "
                            + "migrate every record");
                }
            });
        }
    }
}
