package io.splice.definition;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.splice.tls.TargetTrust;

/**
 * Loads the configured migration and checks it — fields, dependencies, mappings, then the SQL against the
 * databases and the target's reachability — the same way for {@code validate} and for every start.
 */
public final class MigrationLoading {

    private MigrationLoading() {
    }

    /** Every error and warning; the definition only when there is no error. */
    public static Result check(List<String> locations, String name, DataSource source, DataSource targetDatabase,
                               String targetUrl, TargetTrust targetTrust) {
        LoadedDefinitions loaded = new DefinitionLoader().load(locations);
        List<DefinitionError> problems = new ArrayList<>(loaded.errors());
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        MigrationDefinition definition = MigrationSelector.select(loaded.definitions(), name, problems).orElse(null);
        if (definition == null) {
            return new Result(null, problems);
        }
        problems.addAll(new DefinitionValidator().validate(definition));
        if (problems.stream().noneMatch(p -> !p.warning())) {
            problems.addAll(DatabaseChecks.check(definition, source, targetDatabase));
            if (definition.entities().values().stream().anyMatch(e -> !e.target().isSql())) {
                problems.addAll(DatabaseChecks.reachTarget(definition.file(), targetUrl, targetTrust));
            }
        }
        return new Result(definition, problems);
    }

    public record Result(MigrationDefinition definition, List<DefinitionError> problems) {

        public boolean valid() {
            return definition != null && problems.stream().noneMatch(p -> !p.warning());
        }

        public List<DefinitionError> errors() {
            return problems.stream().filter(p -> !p.warning()).toList();
        }

        public List<DefinitionError> warnings() {
            return problems.stream().filter(DefinitionError::warning).toList();
        }
    }
}
