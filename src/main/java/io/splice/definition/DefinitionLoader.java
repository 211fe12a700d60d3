package io.splice.definition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads migration definitions strictly: an unknown or misspelt field, a duplicate key or a value of the wrong type
 * is an error naming the file, the entity and the field, never silently ignored. Resolves mapping files named by
 * a definition. A directory contributes every {@code *.yaml} in it except {@code *.mapping.yaml}.
 */
public final class DefinitionLoader {

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Every definition found at the locations (files or directories), with what could not be read. */
    public LoadedDefinitions load(List<String> locations) {
        List<MigrationDefinition> definitions = new ArrayList<>();
        List<DefinitionError> errors = new ArrayList<>();
        for (String location : locations) {
            for (DefinitionLocation file : expand(location.trim(), errors)) {
                MigrationDefinition definition = loadFile(file, errors);
                if (definition != null) {
                    definitions.add(definition);
                }
            }
        }
        return new LoadedDefinitions(definitions, errors);
    }

    private static List<DefinitionLocation> expand(String location, List<DefinitionError> errors) {
        DefinitionLocation parsed = DefinitionLocation.parse(location);
        if (!parsed.scheme().equals("file") || !Files.isDirectory(Path.of(parsed.path()))) {
            return List.of(parsed);
        }
        try (Stream<Path> files = Files.list(Path.of(parsed.path()))) {
            List<DefinitionLocation> found = files
                    .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .filter(file -> !file.getFileName().toString().contains(".mapping."))
                    .sorted().map(DefinitionLocation::of).toList();
            if (found.isEmpty()) {
                errors.add(DefinitionError.error(parsed.path(), null, null,
                        "no migration definitions (*.yaml) in this directory"));
            }
            return found;
        } catch (IOException e) {
            errors.add(DefinitionError.error(parsed.path(), null, null, "cannot list the directory: " + e));
            return List.of();
        }
    }

    MigrationDefinition loadFile(DefinitionLocation file, List<DefinitionError> errors) {
        MigrationDefinition definition = read(file, MigrationDefinition.class, null, errors);
        if (definition == null) {
            return null;
        }
        definition = definition.withFile(file.name());
        for (Map.Entry<String, EntityDefinition> entry : definition.entities().entrySet()) {
            EntityDefinition entity = entry.getValue();
            if (entity != null && entity.mapping() != null) {
                entry.setValue(entity.withMapping(resolveFiles(file, entry.getKey(), entity.mapping(), errors)));
            }
        }
        return definition;
    }

    /** A mapping in its own YAML file, and an expression in its own .jsonata file, read in beside the definition. */
    private MappingDefinition resolveFiles(DefinitionLocation file, String entity, MappingDefinition mapping,
                                           List<DefinitionError> errors) {
        MappingDefinition resolved = mapping;
        if (mapping.file() != null) {
            DefinitionLocation mappingFile = file.sibling(mapping.file());
            MappingDefinition fromFile = read(mappingFile, MappingDefinition.class, entity, errors);
            if (fromFile == null) {
                return mapping;
            }
            if (!mapping.fields().isEmpty() || mapping.expression() != null || mapping.expressionFile() != null) {
                errors.add(DefinitionError.error(file.name(), entity, "mapping.file",
                        "a mapping given as a file cannot also have fields or an expression here"));
            }
            resolved = new MappingDefinition(null, fromFile.fields(), fromFile.codeTables(), fromFile.expression(),
                    fromFile.expressionFile());
            file = mappingFile;
        }
        if (resolved.expressionFile() == null) {
            return resolved;
        }
        if (resolved.expression() != null) {
            errors.add(DefinitionError.error(file.name(), entity, "mapping.expressionFile",
                    "give either expression or expressionFile, not both"));
            return resolved;
        }
        try {
            String expression = file.sibling(resolved.expressionFile()).read();
            return new MappingDefinition(null, resolved.fields(), resolved.codeTables(), expression, null);
        } catch (IOException e) {
            errors.add(DefinitionError.error(file.name(), entity, "mapping.expressionFile",
                    "cannot read " + resolved.expressionFile() + ": " + e.getClass().getSimpleName()));
            return resolved;
        }
    }

    private <T> T read(DefinitionLocation file, Class<T> type, String entity, List<DefinitionError> errors) {
        String text;
        try {
            text = file.read();
        } catch (IOException e) {
            errors.add(DefinitionError.error(file.toString(), entity, null,
                    "cannot read the file: " + e.getClass().getSimpleName()));
            return null;
        }
        try {
            T value = yaml.readValue(text, type);
            if (value == null) {
                errors.add(DefinitionError.error(file.name(), entity, null, "the file is empty"));
            }
            return value;
        } catch (JsonMappingException e) {
            errors.add(YamlProblems.describe(file.name(), entity, e));
        } catch (JsonProcessingException e) {
            errors.add(YamlProblems.syntax(file.name(), e));
        }
        return null;
    }
}
