package io.splice.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.splice.record.CompositeKey;

/**
 * An entity's key columns: how a row's source key is written (the column's value; several columns through
 * {@link CompositeKey}) and what the page query binds to read the rows after a key ({@code :#lastKey}, or
 * {@code :#lastKey1}… for a composite key).
 */
public record SourceKey(List<String> columns, List<String> types) {

    /** The ledger's source_key holds at most this many characters. */
    public static final int MAX_LENGTH = 200;
    /** What a page query binds as the last key read; a composite key's columns: lastKey1, lastKey2, … */
    public static final String LAST_KEY = io.splice.record.Keys.LAST_KEY;

    public SourceKey {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
    }

    public static SourceKey single(String column, String type) {
        return new SourceKey(List.of(column), List.of(type == null ? "number" : type));
    }

    /** The definition's key; its types default to number, one type given applies to every column. */
    static SourceKey of(SourceDefinition source) {
        List<String> types = new ArrayList<>();
        for (int i = 0; i < source.key().size(); i++) {
            List<String> given = source.keyType();
            // validate reports a count that fits neither; here such a column is a number
            types.add(given == null || given.isEmpty() ? "number"
                    : given.size() == 1 ? given.get(0) : i < given.size() ? given.get(i) : "number");
        }
        return new SourceKey(source.key(), types);
    }

    public boolean composite() {
        return columns.size() > 1;
    }

    /** The names the page query binds: lastKey, or lastKey1, lastKey2, … */
    public List<String> bindings() {
        if (!composite()) {
            return List.of(LAST_KEY);
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
            names.add(LAST_KEY + i);
        }
        return names;
    }

    /** The bindings of the first page: below every key (the bound value must have the column's type). */
    public Map<String, Object> firstBindings() {
        Map<String, Object> bindings = new LinkedHashMap<>();
        List<String> names = bindings();
        for (int i = 0; i < columns.size(); i++) {
            bindings.put(names.get(i), "text".equals(types.get(i)) ? "" : Long.MIN_VALUE);
        }
        return bindings;
    }

    /** The bindings of the page after this row: its key columns' values, as read. */
    public Map<String, Object> bindingsAfter(Map<String, Object> row, String entity) {
        Map<String, Object> bindings = new LinkedHashMap<>();
        List<String> names = bindings();
        for (int i = 0; i < columns.size(); i++) {
            bindings.put(names.get(i), value(row, columns.get(i), entity));
        }
        return bindings;
    }

    /**
     * The row's source key. A single column's value as text (as it always was); a composite key's values encoded by
     * {@link CompositeKey}, where a null value or a key longer than the ledger holds is an error naming the row.
     */
    public String of(Map<String, Object> row, String entity) {
        if (!composite()) {
            return String.valueOf(value(row, columns.get(0), entity));
        }
        List<String> values = new ArrayList<>(columns.size());
        for (String column : columns) {
            Object value = value(row, column, entity);
            if (value == null) {
                throw new IllegalArgumentException("Entity " + entity + ": key column " + column + " is null in the "
                        + "row " + keyColumnsOf(row) + "; every column of source.key must have a value");
            }
            values.add(String.valueOf(value));
        }
        String key = CompositeKey.encode(values);
        if (key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Entity " + entity + ": the key " + keyColumnsOf(row) + " is "
                    + key.length() + " characters written as one source key; the ledger holds at most " + MAX_LENGTH);
        }
        return key;
    }

    private Map<String, Object> keyColumnsOf(Map<String, Object> row) {
        Map<String, Object> shown = new LinkedHashMap<>();
        columns.forEach(column -> shown.put(column, row.get(column)));
        return shown;
    }

    /** A column of a source row; a missing one is a definition error that names the entity and the columns. */
    static Object value(Map<String, Object> row, String column, String entity) {
        if (!row.containsKey(column)) {
            throw new IllegalArgumentException("Entity " + entity + ": the source query returns no column '"
                    + column + "' (columns: " + row.keySet() + ")");
        }
        return row.get(column);
    }
}
