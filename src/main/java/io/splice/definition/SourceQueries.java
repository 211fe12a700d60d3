package io.splice.definition;

import java.util.regex.Pattern;

/** An entity's keyset page query: as written, or written by Splice from a table and its columns. */
public final class SourceQueries {

    private static final Pattern NAMED_PARAMETER = Pattern.compile(":#[A-Za-z_][A-Za-z0-9_]*");

    private SourceQueries() {
    }

    /**
     * The page query, binding :#lastKey (a composite key: :#lastKey1, :#lastKey2, … compared as one row value, which
     * PostgreSQL and H2 answer from an index on the key columns), :#pageSize and (when the entity filters by tenant)
     * :#tenantFilter. Names in the table form are checked as plain SQL names before they get here; values are always
     * bound.
     */
    public static String pageQuery(SourceDefinition source) {
        if (source.query() != null) {
            return source.query().trim();
        }
        String tenant = source.tenantColumn() == null ? "" : " and " + source.tenantColumn() + " = :#tenantFilter";
        String keys = String.join(", ", source.key());
        String after = source.compositeKey()
                ? "(" + keys + ") > (" + String.join(", ", SourceKey.of(source).bindings().stream()
                        .map(name -> ":#" + name).toList()) + ")"
                : keys + " > :#lastKey";
        return "select " + String.join(", ", source.columns()) + " from " + source.table()
                + " where " + after + tenant + " order by " + keys + " limit :#pageSize";
    }

    /** The statement with its named parameters as JDBC placeholders: prepared (never run) to check it. */
    public static String forPreparing(String sql) {
        return NAMED_PARAMETER.matcher(sql).replaceAll("?");
    }
}
