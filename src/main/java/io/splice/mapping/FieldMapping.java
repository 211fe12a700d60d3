package io.splice.mapping;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * One target field: from exactly one of a source {@code column}, a {@code constant} or a JSONata
 * {@code expression}; then optionally through a {@code codeTable}, converted to a {@code type}, and checked as
 * {@code required}. Written as a plain string, it is a column name (a rename). {@code pathOnly: true}: the field
 * fills a {field} of the target path and is left out of the body.
 */
public record FieldMapping(String column, Object constant, String expression, String codeTable, String type,
                           Boolean required, Boolean pathOnly) {

    /** A field sent in the body. */
    public FieldMapping(String column, Object constant, String expression, String codeTable, String type,
                        Boolean required) {
        this(column, constant, expression, codeTable, type, required, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static FieldMapping ofColumn(String column) {
        return new FieldMapping(column, null, null, null, null, null, null);
    }

    public boolean isPathOnly() {
        return Boolean.TRUE.equals(pathOnly);
    }

    public boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }
}
