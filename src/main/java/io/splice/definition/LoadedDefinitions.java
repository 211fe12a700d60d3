package io.splice.definition;

import java.util.List;

/** What {@link DefinitionLoader} read, and what it could not. */
public record LoadedDefinitions(List<MigrationDefinition> definitions, List<DefinitionError> errors) {
}
