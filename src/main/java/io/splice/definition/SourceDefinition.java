package io.splice.definition;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * Where an entity's records are read: a keyset page query binding {@code :#lastKey} and {@code :#pageSize}
 * (and {@code :#tenantFilter} when tenants filter), or a table and its columns from which Splice writes that query.
 */
public record SourceDefinition(
        String query,
        String table,
        @JsonSetter(contentNulls = Nulls.FAIL) List<String> columns,
        String tenantColumn,
        String key,
        String keyType,
        Integer pageSize,
        Integer pagesPerSecond) {
}
