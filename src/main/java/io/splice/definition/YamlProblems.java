package io.splice.definition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns Jackson's binding errors into definition errors an operator can act on. */
final class YamlProblems {

    // Jackson's parser says "Duplicate field 'name'" about the mapping holding the key twice
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private YamlProblems() {
    }

    /** A YAML syntax error: where SnakeYAML found the problem, and the construct it was reading (when it says). */
    static DefinitionError syntax(String file, String entity, JsonProcessingException e) {
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.lookingAt()) {
            return DefinitionError.error(file, entity, duplicate.group(1), "appears twice");
        }
        MarkedYAMLException yaml = markedCause(e);
        if (yaml != null && yaml.getProblemMark() != null) {
            Mark at = yaml.getProblemMark();
            Mark from = yaml.getContextMark();
            String context = yaml.getContext() == null || from == null ? ""
                    : " (" + yaml.getContext() + " from line " + (from.getLine() + 1) + ", column " + (from.getColumn() + 1) + ")";
            return DefinitionError.error(file, entity, null, "not valid YAML at line " + (at.getLine() + 1) + ", column "
                    + (at.getColumn() + 1) + ": " + yaml.getProblem().trim() + context);
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String problem = e.getOriginalMessage().lines().findFirst().orElse("").trim();
        return DefinitionError.error(file, entity, null, "not valid YAML" + where + ": " + problem);
    }

    private static MarkedYAMLException markedCause(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }

    static DefinitionError describe(String file, String entity, JsonMappingException e) {
        if (e.getCause() instanceof JacksonYAMLParseException syntaxError) {
            // the YAML broke while a value was being bound: a syntax error all the same, not a field's problem
            return syntax(file, entity, syntaxError);
        }
        List<String> path = new ArrayList<>();
        for (JsonMappingException.Reference reference : e.getPath()) {
            path.add(reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]");
        }
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.lookingAt()) {
            path.add(duplicate.group(1));
        }
        if (entity == null && path.size() >= 2 && path.get(0).equals("entities")) {
            entity = path.get(1);
            path = path.subList(2, path.size());
        }
        String field = String.join(".", path).replace(".[", "[");
        return DefinitionError.error(file, entity, field, duplicate.lookingAt() ? "appears twice" : message(e));
    }

    private static String message(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field (expected one of: " + names(unknown.getKnownPropertyIds()) + ")";
        }
        if (e instanceof InvalidNullException) {
            return "is empty (nothing, ~ or null): give a value";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "expected " + typeName(invalid.getTargetType()) + ", got '" + invalid.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "expected " + typeName(mismatched.getTargetType());
        }
        return e.getOriginalMessage().lines().findFirst().orElse("invalid value").trim();
    }

    private static String names(Collection<Object> known) {
        return known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String typeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of fields (key: value)";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return type.getSimpleName();
    }
}
