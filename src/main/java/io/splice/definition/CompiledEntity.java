package io.splice.definition;

import java.util.List;
import java.util.Map;

import io.splice.mapping.RecordMapping;

/**
 * One entity, validated and ready to run: its page query, keys, mapping, target and limits.
 *
 * @param keyColumn        the (first) key column; {@code sourceKey} has them all
 * @param references       reference name → parent entity
 * @param referenceColumns reference name → the columns holding the parent's key (the name itself, for one column)
 * @param strictOrder      order: strict, a BLOCKED or FAILED record holds back the later records of its group
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
        SourceKey sourceKey,
        Map<String, List<String>> referenceColumns,
        boolean strictOrder) {

    /** An entity keyed by one column, whose references are single columns, in the default order (group). */
    public CompiledEntity(String name, String pageQuery, String keyColumn, String keyType, String groupColumn,
                          int pageSize, int pagesPerSecond, int concurrency, Map<String, String> references,
                          RecordMapping mapping, TargetDefinition target, int rate) {
        this(name, pageQuery, keyColumn, keyType, groupColumn, pageSize, pagesPerSecond, concurrency, references,
                mapping, target, rate, SourceKey.single(keyColumn, keyType), singleColumns(references), false);
    }

    private static Map<String, List<String>> singleColumns(Map<String, String> references) {
        Map<String, List<String>> columns = new java.util.HashMap<>();
        references.keySet().forEach(name -> columns.put(name, List.of(name)));
        return Map.copyOf(columns);
    }

    /** The row's source key, as the ledger and the Idempotency-Key have it. */
    public String sourceKeyOf(Map<String, Object> row) {
        return sourceKey.of(row, name);
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
