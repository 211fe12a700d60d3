package io.splice.definition;

import java.util.LinkedHashMap;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * Where an entity's records go: an HTTP call ({@code method}, {@code path} appended to splice.target.url, extra
 * {@code headers}, the created id at {@code idPointer}, the idempotency header) or, for records the new API has no
 * endpoint for, a parameterised {@code sql} statement against the new system's database.
 */
public record TargetDefinition(
        String method,
        String path,
        @JsonSetter(contentNulls = Nulls.FAIL) LinkedHashMap<String, String> headers,
        String idPointer,
        String idempotencyHeader,
        Integer rate,
        SqlTarget sql) {

    public TargetDefinition {
        headers = headers == null ? new LinkedHashMap<>() : headers;
    }

    public boolean isSql() {
        return sql != null;
    }

    /**
     * An insert or upsert binding the mapped fields as {@code :#field}; {@code idField} is the mapped field whose
     * value is recorded as the target id.
     */
    public record SqlTarget(String statement, String idField) {
    }
}
