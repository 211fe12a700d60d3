package io.splice.definition;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * A reference to a parent entity. Written as the parent's name ({@code project_id: projects}), the column holds
 * the parent's source key and is sent as the parent's target id. Written as an object
 * ({@code line: { entity: order_lines, columns: [order_id, line_no] }}), the columns hold the parent's key in the
 * order of its {@code source.key}, and the field named by the reference gets the parent's target id.
 *
 * @param columns null: the reference's own name is the one column
 */
public record ReferenceDefinition(String entity, @JsonSetter(contentNulls = Nulls.FAIL) List<String> columns) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ReferenceDefinition of(String entity) {
        return new ReferenceDefinition(entity, null);
    }

    /** The columns holding the parent's key, for the reference named {@code name}. */
    public List<String> columnsOf(String name) {
        return columns == null ? List.of(name) : List.copyOf(columns);
    }
}
