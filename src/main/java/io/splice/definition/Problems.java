package io.splice.definition;

import java.util.List;
import java.util.regex.Pattern;

/** Collects the errors of one file (and entity), with the checks the definition's fields share. */
final class Problems {

    static final Pattern SQL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final String file;
    private final String entity;
    private final List<DefinitionError> errors;

    Problems(String file, String entity, List<DefinitionError> errors) {
        this.file = file;
        this.entity = entity;
        this.errors = errors;
    }

    Problems forEntity(String name) {
        return new Problems(file, name, errors);
    }

    void add(String field, String message) {
        errors.add(DefinitionError.error(file, entity, field, message));
    }

    void warn(String field, String message) {
        errors.add(DefinitionError.warning(file, entity, field, message));
    }

    boolean required(String field, Object value, String what) {
        if (value == null || value instanceof String text && text.isBlank()) {
            add(field, "is required: " + what);
            return false;
        }
        return true;
    }

    void positive(String field, Integer value) {
        if (value != null && value < 1) {
            add(field, "must be a whole number above 0, was " + value);
        }
    }

    void sqlName(String field, String value) {
        if (value != null && !SQL_NAME.matcher(value).matches()) {
            add(field, "'" + value + "' is not a plain SQL name (letters, digits and _, optionally schema.name)");
        }
    }
}
