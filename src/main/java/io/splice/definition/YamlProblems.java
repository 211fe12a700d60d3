package io.splice.definition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns Jackson's binding errors into definition errors an operator can act on. */
final class YamlProblems {

    private YamlProblems() {
    }

    static DefinitionError syntax(String file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String problem = e.getOriginalMessage().lines().findFirst().orElse("").trim();
        return DefinitionError.error(file, null, null, "not valid YAML" + where + ": " + problem);
    }

    static DefinitionError describe(String file, String entity, JsonMappingException e) {
        List<String> path = new ArrayList<>();
        for (JsonMappingException.Reference reference : e.getPath()) {
            path.add(reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]");
        }
        if (entity == null && path.size() >= 2 && path.get(0).equals("entities")) {
            entity = path.get(1);
            path = path.subList(2, path.size());
        }
        String field = String.join(".", path).replace(".[", "[");
        return DefinitionError.error(file, entity, field, message(e));
    }

    private static String message(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field (expected one of: " + names(unknown.getKnownPropertyIds()) + ")";
        }
        if (e instanceof InvalidNullException) {
            return "a bare null is not allowed here; write \"null\" (quoted) if you mean the word";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "expected " + typeName(invalid.getTargetType()) + ", got '" + invalid.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "expected " + typeName(mismatched.getTargetType());
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            return "appears twice";
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
