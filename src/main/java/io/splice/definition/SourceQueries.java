package io.splice.definition;

import java.util.regex.Pattern;

/** An entity's keyset page query: as written, or written by Splice from a table and its columns. */
public final class SourceQueries {

    private static final Pattern NAMED_PARAMETER = Pattern.compile(":#[A-Za-z_][A-Za-z0-9_]*");

    private SourceQueries() {
    }

    /**
     * The page query, binding :#lastKey, :#pageSize and (when the entity filters by tenant) :#tenantFilter.
     * Names in the table form are checked as plain SQL names before they get here; values are always bound.
     */
    public static String pageQuery(SourceDefinition source) {
        if (source.query() != null) {
            return source.query().trim();
        }
        String tenant = source.tenantColumn() == null ? "" : " and " + source.tenantColumn() + " = :#tenantFilter";
        return "select " + String.join(", ", source.columns()) + " from " + source.table()
                + " where " + source.key() + " > :#lastKey" + tenant
                + " order by " + source.key() + " limit :#pageSize";
    }

    /** The statement with its named parameters as JDBC placeholders: prepared (never run) to check it. */
    public static String forPreparing(String sql) {
        return NAMED_PARAMETER.matcher(sql).replaceAll("?");
    }
}
