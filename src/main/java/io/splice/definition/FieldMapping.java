package io.splice.definition;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * One target field: from exactly one of a source {@code column}, a {@code constant} or a JSONata
 * {@code expression}; then optionally through a {@code codeTable}, converted to a {@code type}, and checked as
 * {@code required}. Written as a plain string, it is a column name (a rename).
 */
public record FieldMapping(String column, Object constant, String expression, String codeTable, String type,
                           Boolean required) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static FieldMapping ofColumn(String column) {
        return new FieldMapping(column, null, null, null, null, null);
    }

    public boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }
}
