package io.splice.definition;

import java.util.Map;

import io.splice.mapping.RecordMapping;

/** One entity, validated and ready to run: its page query, keys, mapping, target and limits. */
public record CompiledEntity(
        String name,
        String pageQuery,
        String keyColumn,
        String keyType,
        String groupColumn,
        int pageSize,
        int pagesPerSecond,
        int concurrency,
        Map<String, String> references,
        RecordMapping mapping,
        TargetDefinition target,
        int rate) {

    public boolean hasReferences() {
        return !references.isEmpty();
    }

    public boolean writesSql() {
        return target.isSql();
    }

    public String method() {
        return target.method() == null ? "POST" : target.method();
    }

    public String idPointer() {
        return target.idPointer() == null ? "/id" : target.idPointer();
    }

    public String idempotencyHeader() {
        return target.idempotencyHeader() == null ? "Idempotency-Key" : target.idempotencyHeader();
    }
}
