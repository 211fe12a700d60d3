package io.splice.definition;

import java.util.Map;

/** Reading a source row's columns as the entity's definition names them. */
public final class SourceRows {

    private SourceRows() {
    }

    /** A column of a source row; a missing one is a definition error that names the entity and the columns. */
    public static Object column(Map<String, Object> row, String column, String entity) {
        if (!row.containsKey(column)) {
            throw new IllegalArgumentException("Entity " + entity + ": the source query returns no column '"
                    + column + "' (columns: " + row.keySet() + ")");
        }
        return row.get(column);
    }
}
