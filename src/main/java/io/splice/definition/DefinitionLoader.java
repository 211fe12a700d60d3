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
import io.splice.mapping.MappingDefinition;

/**
 * Reads migration definitions strictly: an unknown or misspelt field, a duplicate key or a value of the wrong type
 * is an error naming the file, the entity and the field, never silently ignored; so is an empty entry (~) in a
 * list or map that cannot hold one (their fields say {@code contentNulls = FAIL}). Resolves mapping files named by
 * a definition. A directory contributes every {@code *.yaml} in it except {@code *.mapping.yaml}.
 */
public final class DefinitionLoader {

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // pageSize: 2.5 is a mistake to report, not a 2 to run with
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Every definition found at the locations (files or directories), with what could not be read. */
    public LoadedDefinitions load(List<String> locations) {
        List<MigrationDefinition> definitions = new ArrayList<>();
        List<DefinitionError> errors = new ArrayList<>();
        Map<String, DefinitionLocation> definedIn = new java.util.HashMap<>();
        for (String location : locations) {
            for (DefinitionLocation file : expand(location.trim(), errors)) {
                MigrationDefinition definition = loadFile(file, errors);
                if (definition == null) {
                    continue;
                }
                DefinitionLocation first = definition.migration() == null ? null
                        : definedIn.putIfAbsent(definition.migration(), file);
                if (file.equals(first)) {
                    continue; // the same file named twice in splice.migrations
                }
                if (first != null) {
                    // which of the two would run is no choice to leave to the order of a directory listing
                    errors.add(DefinitionError.error(file.toString(), null, "migration", "'" + definition.migration()
                            + "' is also the name of the migration in " + first + ": give each migration its own name"));
                } else {
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
        MigrationDefinition definition = read(file, errors);
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
            String text = readNamed(file, entity, "mapping.file", mappingFile, errors);
            MappingDefinition fromFile = text == null ? null : parse(mappingFile, text, MappingDefinition.class, entity, errors);
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
        String expression = readNamed(file, entity, "mapping.expressionFile", file.sibling(resolved.expressionFile()), errors);
        return expression == null ? resolved
                : new MappingDefinition(null, resolved.fields(), resolved.codeTables(), expression, null);
    }

    /** A file named by a field of another file: when it cannot be read, the error names that field. */
    private static String readNamed(DefinitionLocation namedIn, String entity, String field, DefinitionLocation named,
                                    List<DefinitionError> errors) {
        try {
            return named.read();
        } catch (IOException e) {
            errors.add(DefinitionError.error(namedIn.name(), entity, field,
                    "cannot read " + named + ": " + e.getClass().getSimpleName()));
            return null;
        }
    }

    private MigrationDefinition read(DefinitionLocation file, List<DefinitionError> errors) {
        String text;
        try {
            text = file.read();
        } catch (IOException e) {
            errors.add(DefinitionError.error(file.toString(), null, null,
                    "cannot read the file: " + e.getClass().getSimpleName()));
            return null;
        }
        return parse(file, text, MigrationDefinition.class, null, errors);
    }

    private <T> T parse(DefinitionLocation file, String text, Class<T> type, String entity, List<DefinitionError> errors) {
        try (JsonParser parser = yaml.createParser(text)) {
            T value = parser.nextToken() == null ? null : yaml.readValue(parser, type);
            if (value == null) {
                errors.add(DefinitionError.error(file.name(), entity, null, "the file is empty"));
            } else if (parser.nextToken() != null) {
                errors.add(DefinitionError.error(file.name(), entity, null, "holds more than one YAML document (the second "
                        + "starts at line " + parser.currentTokenLocation().getLineNr() + "): give one per file"));
                return null;
            }
            return value;
        } catch (JsonMappingException e) {
            errors.add(YamlProblems.describe(file.name(), entity, e));
        } catch (JsonProcessingException e) {
            errors.add(YamlProblems.syntax(file.name(), entity, e));
        } catch (IOException e) {
            errors.add(DefinitionError.error(file.name(), entity, null, "cannot be parsed: " + e));
        }
        return null;
    }
}
