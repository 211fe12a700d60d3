package io.splice.definition;

import java.util.Map;

import io.splice.mapping.RecordMapping;

/**
 * One entity, validated and ready to run: its page query, keys, mapping, target and limits.
 *
 * @param strictOrder order: strict, a BLOCKED or FAILED record holds back the later records of its group
 */
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
        int rate,
        boolean strictOrder) {

    /** An entity with the default order (group): a BLOCKED or FAILED record holds back nobody. */
    public CompiledEntity(String name, String pageQuery, String keyColumn, String keyType, String groupColumn,
                          int pageSize, int pagesPerSecond, int concurrency, Map<String, String> references,
                          RecordMapping mapping, TargetDefinition target, int rate) {
        this(name, pageQuery, keyColumn, keyType, groupColumn, pageSize, pagesPerSecond, concurrency, references,
                mapping, target, rate, false);
    }

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
