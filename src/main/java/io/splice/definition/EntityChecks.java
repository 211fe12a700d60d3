package io.splice.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.splice.mapping.MappingDefinition;

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
        if (entity.source() != null && entity.source().compositeKey() && entity.target() != null
                && entity.target().upload() != null) {
            problems.add("source.key", "an upload's contentQuery binds one :#key: give its entity a one-column key");
        }
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
        for (Map.Entry<String, ReferenceDefinition> reference : entity.references().entrySet()) {
            ReferenceChecks.reference(name, entity, reference.getKey(), reference.getValue(), entities, problems);
        }
        problems.required("mapping", entity.mapping(), "how a source row becomes the target's record");
        target(entity.target(), entity.mapping(), problems);
    }

    /** A field sent only in the target path ({@code pathOnly: true}) must be a {field} of target.path. */
    static void pathOnlyFields(EntityDefinition entity, Problems problems) {
        if (entity == null || entity.mapping() == null || entity.target() == null) {
            return;
        }
        entity.mapping().fields().forEach((field, mapping) -> {
            if (mapping != null && mapping.isPathOnly()
                    && (entity.target().path() == null || !entity.target().path().contains("{" + field + "}"))) {
                problems.add("mapping.fields." + field + ".pathOnly", "the field is not sent in the body, so target.path "
                        + "must use it as {" + field + "} (was " + entity.target().path() + ")");
            }
        });
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
            List<String> bindings = new ArrayList<>();
            if (source.key() != null && !source.key().isEmpty()) {
                SourceKey.of(source).bindings().forEach(binding -> bindings.add(":#" + binding));
            }
            bindings.add(":#pageSize");
            for (String binding : bindings) {
                if (!source.query().contains(binding)) {
                    problems.add("source.query", "must bind " + binding + " (keyset paging: rows after :#lastKey, "
                            + "ordered by the key, at most :#pageSize)");
                }
            }
            if (source.columns() != null || source.tenantColumn() != null) {
                problems.add("source", "columns and tenantColumn go with table, not with query");
            }
            UriSafeSql.check("source.query", source.query().trim(), problems);
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
        if (source.key() == null || source.key().isEmpty()) {
            problems.add("source.key", "is required: the keyset column (unique, ordered)");
        } else {
            source.key().forEach(column -> problems.sqlName("source.key", column));
            if (source.key().size() != Set.copyOf(source.key()).size()) {
                problems.add("source.key", "names a column twice: " + source.key());
            }
        }
        if (source.keyType() != null) {
            source.keyType().stream().filter(type -> !Set.of("number", "text").contains(type)).forEach(type ->
                    problems.add("source.keyType", "must be number or text, was '" + type + "'"));
            if (source.key() != null && source.keyType().size() != 1 && source.keyType().size() != source.key().size()) {
                problems.add("source.keyType", "gives " + source.keyType().size() + " types for " + source.key().size()
                        + " key columns: give one for all, or one per key column");
            }
        }
        problems.positive("source.pageSize", source.pageSize());
        problems.positive("source.pagesPerSecond", source.pagesPerSecond());
    }

    private static void target(TargetDefinition target, MappingDefinition mapping, Problems problems) {
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
            if (problems.required("target.sql.statement", target.sql().statement(),
                    "the insert or upsert, binding mapped fields as :#field")) {
                UriSafeSql.check("target.sql.statement", target.sql().statement().strip(), problems);
            }
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
        LookupChecks.check(target, mapping, problems);
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
