package io.splice.definition;

import java.util.List;
import java.util.Optional;

/** Picks the migration a process runs: the one named by splice.migration, or the only one there is. */
public final class MigrationSelector {

    private MigrationSelector() {
    }

    public static Optional<MigrationDefinition> select(List<MigrationDefinition> definitions, String name,
                                                       List<DefinitionError> errors) {
        List<String> names = definitions.stream().map(MigrationDefinition::migration).toList();
        if (name == null || name.isBlank()) {
            if (definitions.size() == 1) {
                return Optional.of(definitions.get(0));
            }
            errors.add(DefinitionError.error(null, null, "splice.migration", definitions.isEmpty()
                    ? "no migration definitions found (set splice.migrations to files or directories of them)"
                    : "several migrations are defined (" + String.join(", ", names) + "): name one in splice.migration"));
            return Optional.empty();
        }
        Optional<MigrationDefinition> found = definitions.stream().filter(d -> name.equals(d.migration())).findFirst();
        if (found.isEmpty()) {
            errors.add(DefinitionError.error(null, null, "splice.migration",
                    "no migration named '" + name + "' (defined: " + String.join(", ", names) + ")"));
        }
        return found;
    }
}
