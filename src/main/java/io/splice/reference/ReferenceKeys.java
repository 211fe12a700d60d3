package io.splice.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.splice.definition.CompiledEntity;
import io.splice.definition.SourceRows;
import io.splice.record.CompositeKey;

/** Which parent a row's reference names: its column's value, or its columns' values as one composite key. */
final class ReferenceKeys {

    private ReferenceKeys() {
    }

    /**
     * The parent's source key a reference holds, or null when it holds none (a null column; for several columns, a
     * null in any of them, as SQL's foreign keys read it).
     *
     * @param strict a missing column is a definition error (the page's rows come straight from the source query)
     */
    static String parentKey(CompiledEntity entity, String reference, Map<String, Object> row, boolean strict) {
        List<String> columns = entity.referenceColumns().getOrDefault(reference, List.of(reference));
        if (columns.size() == 1) {
            Object value = strict ? SourceRows.column(row, columns.get(0), entity.name()) : row.get(columns.get(0));
            return value == null ? null : String.valueOf(value);
        }
        List<String> values = new ArrayList<>(columns.size());
        for (String column : columns) {
            Object value = strict ? SourceRows.column(row, column, entity.name()) : row.get(column);
            if (value == null) {
                return null;
            }
            values.add(String.valueOf(value));
        }
        return CompositeKey.encode(values);
    }
}
