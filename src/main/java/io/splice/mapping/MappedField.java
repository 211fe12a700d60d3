package io.splice.mapping;

import java.util.Map;

/**
 * One compiled target field: its value from the {@link FieldSource}, then through the code table (if any), then
 * converted to its type (if any), then checked as required.
 *
 * @param codeTable null when the field uses none
 * @param type      null when the value keeps the type it has
 */
record MappedField(String name, FieldSource source, CodeTableLookup codeTable, TypeConversion type,
                   boolean required) {

    Object valueFrom(Map<String, Object> row, ExpressionBindings bindings) throws FieldProblem {
        Object value = source.valueFrom(row, bindings);
        if (codeTable != null) {
            value = codeTable.lookUp(value);
        }
        if (type != null) {
            value = type.convert(value);
        }
        if (required && (value == null || value instanceof String text && text.isBlank())) {
            throw new FieldProblem("is required but missing", value);
        }
        return value;
    }
}
