package io.splice.definition;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks of one entity's own fields: source, group, concurrency, references, target. */
final class EntityChecks {

    static final Pattern ENTITY_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    static final String TENANT_FILTER = ":#tenantFilter";

    private EntityChecks() {
    }

    static void check(String name, EntityDefinition entity, Set<String> entities, Problems problems) {
        if (!ENTITY_NAME.matcher(name).matches()) {
            problems.add(null, "the name must be lowercase letters, digits and _, starting with a letter");
        }
        if (entity == null) {
            problems.add(null, "is empty: give source, group, mapping and target");
            return;
        }
        source(entity.source(), problems);
        problems.required("group", entity.group(), "the column whose value keeps records in order (the message group)");
        problems.positive("concurrency", entity.concurrency());
        if (entity.order() != null
                && !Set.of(EntityDefinition.ORDER_GROUP, EntityDefinition.ORDER_STRICT).contains(entity.order())) {
            problems.add("order", "must be group or strict, was '" + entity.order() + "'");
        }
        for (String parent : entity.dependsOn()) {
            if (!entities.contains(parent)) {
                problems.add("dependsOn", unknown(parent, entities));
            }
        }
        for (Map.Entry<String, String> reference : entity.references().entrySet()) {
            String field = "references." + reference.getKey();
            String parent = reference.getValue();
            if (!entities.contains(parent)) {
                problems.add(field, unknown(parent, entities));
            } else if (!entity.dependsOn().contains(parent)) {
                problems.add(field, "entity '" + parent + "' is not in dependsOn: a referenced parent must be migrated first");
            }
        }
        problems.required("mapping", entity.mapping(), "how a source row becomes the target's record");
        target(entity.target(), problems);
    }

    static String unknown(String name, Set<String> entities) {
        return "names unknown entity '" + name + "' (entities: " + String.join(", ", entities) + ")";
    }

    private static void source(SourceDefinition source, Problems problems) {
        if (!problems.required("source", source, "where the records are read (query, or table and columns)")) {
            return;
        }
        if (source.query() != null && source.table() != null) {
            problems.add("source", "give either query or table, not both");
        } else if (source.query() != null) {
            for (String binding : new String[] {":#lastKey", ":#pageSize"}) {
                if (!source.query().contains(binding)) {
                    problems.add("source.query", "must bind " + binding + " (keyset paging: rows after :#lastKey, "
                            + "ordered by the key, at most :#pageSize)");
                }
            }
            if (source.columns() != null || source.tenantColumn() != null) {
                problems.add("source", "columns and tenantColumn go with table, not with query");
            }
        } else if (source.table() != null) {
            problems.sqlName("source.table", source.table());
            if (source.columns() == null || source.columns().isEmpty()) {
                problems.add("source.columns", "is required with table: the columns to read");
            } else {
                source.columns().forEach(column -> problems.sqlName("source.columns", column));
            }
            problems.sqlName("source.tenantColumn", source.tenantColumn());
        } else {
            problems.add("source", "needs a query, or a table and its columns");
        }
        if (problems.required("source.key", source.key(), "the keyset column (unique, ordered)")) {
            problems.sqlName("source.key", source.key());
        }
        if (source.keyType() != null && !Set.of("number", "text").contains(source.keyType())) {
            problems.add("source.keyType", "must be number or text, was '" + source.keyType() + "'");
        }
        problems.positive("source.pageSize", source.pageSize());
        problems.positive("source.pagesPerSecond", source.pagesPerSecond());
    }

    private static void target(TargetDefinition target, Problems problems) {
        if (!problems.required("target", target, "where the records go (path, or sql)")) {
            return;
        }
        problems.positive("target.rate", target.rate());
        if (target.upload() != null) {
            if (target.sql() != null) {
                problems.add("target", "an upload goes to a path, not to sql");
            }
            if (problems.required("target.upload.contentQuery", target.upload().contentQuery(),
                    "the query selecting the content (one column) of the record with key :#key")
                    && !target.upload().contentQuery().contains(":#key")) {
                problems.add("target.upload.contentQuery", "must bind :#key (the record's source key)");
            }
            problems.required("target.upload.contentType", target.upload().contentType(),
                    "the content's media type, or a {field} of the mapped record holding it");
        }
        if (target.path() != null && target.sql() != null) {
            problems.add("target", "give either path (HTTP) or sql, not both");
        } else if (target.sql() != null) {
            problems.required("target.sql.statement", target.sql().statement(),
                    "the insert or upsert, binding mapped fields as :#field");
        } else if (target.path() == null) {
            problems.add("target", "needs a path (HTTP) or sql");
        } else {
            if (!target.path().startsWith("/")) {
                problems.add("target.path", "must start with /, was '" + target.path() + "'");
            }
            if (target.method() != null && !Set.of("POST", "PUT", "PATCH").contains(target.method())) {
                problems.add("target.method", "must be POST, PUT or PATCH, was '" + target.method() + "'");
            }
            if (target.idPointer() != null && !target.idPointer().startsWith("/")) {
                problems.add("target.idPointer", "must be a JSON pointer starting with /, was '" + target.idPointer() + "'");
            }
        }
        if (target.validatePath() != null && (target.sql() != null || target.upload() != null)) {
            problems.add("target.validatePath", "only for records sent as JSON (not with sql or upload)");
        } else if (target.validatePath() != null && !target.validatePath().startsWith("/")) {
            problems.add("target.validatePath", "must start with /, was '" + target.validatePath() + "'");
        }
        if (target.lookupPath() != null && target.sql() != null) {
            problems.add("target.lookupPath", "only for records sent over HTTP (not with sql)");
        } else if (target.lookupPath() != null && !target.lookupPath().matches("/.*\\{idempotencyKey}.*")) {
            problems.add("target.lookupPath", "must start with / and contain {idempotencyKey}, was '"
                    + target.lookupPath() + "'");
        }
        if (target.readPath() != null && target.sql() != null) {
            problems.add("target.readPath", "only for records sent over HTTP (not with sql)");
        } else if (target.readPath() != null && !target.readPath().matches("/.*\\{id}.*")) {
            problems.add("target.readPath", "must start with / and contain {id} (the target id), was '"
                    + target.readPath() + "'");
        }
    }

    static boolean filtersByTenant(SourceDefinition source) {
        return source != null && (source.query() != null ? source.query().contains(TENANT_FILTER) : source.tenantColumn() != null);
    }
}
