package io.splice.mapping;

import java.util.LinkedHashMap;

/**
 * A value map (legacy code → target code). {@code otherwise} says what a value missing from the table becomes:
 * {@code fail} (the default: the record is FAILED, naming the field and value), {@code "null"}, or {@code keep}.
 * YAML reads a bare {@code null} as "not given", which means fail: the word must be quoted.
 */
public record CodeTable(LinkedHashMap<String, Object> values, String otherwise) {

    public CodeTable {
        values = values == null ? new LinkedHashMap<>() : values;
    }
}
