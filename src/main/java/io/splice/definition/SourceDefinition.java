package io.splice.definition;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * Where an entity's records are read: a keyset page query binding {@code :#lastKey} and {@code :#pageSize}
 * (and {@code :#tenantFilter} when tenants filter), or a table and its columns from which Splice writes that query.
 *
 * @param key     the keyset column, or several (a composite key: {@code key: [order_id, line_no]}), whose page query
 *                binds {@code :#lastKey1}, {@code :#lastKey2}, … instead of {@code :#lastKey}
 * @param keyType number or text: one for every key column, or one per key column
 */
public record SourceDefinition(
        String query,
        String table,
        @JsonSetter(contentNulls = Nulls.FAIL) List<String> columns,
        String tenantColumn,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        @JsonSetter(contentNulls = Nulls.FAIL) List<String> key,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        @JsonSetter(contentNulls = Nulls.FAIL) List<String> keyType,
        Integer pageSize,
        Integer pagesPerSecond) {

    /** Whether the key has more than one column. */
    public boolean compositeKey() {
        return key != null && key.size() > 1;
    }
}
