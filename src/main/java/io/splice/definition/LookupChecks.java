package io.splice.definition;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import io.splice.mapping.MappingDefinition;

/** The checks of an entity's look-up ({@code target.lookup}, or its shorthand {@code target.lookupPath}). */
final class LookupChecks {

    // as TargetRequest expands them
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private LookupChecks() {
    }

    static void check(TargetDefinition target, MappingDefinition mapping, Problems problems) {
        if (target.lookup() == null && target.lookupPath() == null) {
            return;
        }
        String at = target.lookup() != null ? "target.lookup" : "target.lookupPath";
        if (target.lookup() != null && target.lookupPath() != null) {
            problems.add("target.lookup", "give either lookup or lookupPath (its shorthand), not both");
            return;
        }
        if (target.sql() != null) {
            problems.add(at, "only for records sent over HTTP (not with sql)");
            return;
        }
        TargetDefinition.Lookup lookup = target.effectiveLookup();
        String pathField = target.lookup() != null ? at + ".path" : at;
        if (!problems.required(pathField, lookup.path(), "where the target finds the record, e.g. /api/v1/customers?email={email}")) {
            return;
        }
        path(pathField, lookup.path(), mapping, problems);
        pointer(at + ".idPointer", lookup.idPointer(), problems);
        pointer(at + ".listPointer", lookup.listPointer(), problems);
        if (lookup.notFound() != null) {
            for (Integer status : lookup.notFound()) {
                if (status == null || status < 400 || status > 499 || status == 408 || status == 429) {
                    problems.add(at + ".notFound", "must list 4xx statuses meaning absent (not 408 or 429, which are"
                            + " retried), was " + status);
                }
            }
        }
    }

    private static void path(String field, String path, MappingDefinition mapping, Problems problems) {
        if (!path.startsWith("/")) {
            problems.add(field, "must start with /, was '" + path + "'");
        }
        Matcher placeholder = PLACEHOLDER.matcher(path);
        int found = 0;
        while (placeholder.find()) {
            found++;
            String name = placeholder.group(1);
            // a mapping with an expression may add any field: only its listed fields can be checked
            boolean checkable = mapping != null && mapping.expression() == null && mapping.expressionFile() == null;
            if (!IDEMPOTENCY_KEY.equals(name) && checkable && !mapping.fields().containsKey(name)) {
                problems.add(field, "{" + name + "} is not a field of the mapping (fields: "
                        + String.join(", ", mapping.fields().keySet()) + "; or {idempotencyKey})");
            }
        }
        if (found == 0) {
            problems.add(field, "must contain {idempotencyKey} or a {field} of the mapped record (without one every"
                    + " record finds the same), was '" + path + "'");
        }
    }

    private static void pointer(String field, String pointer, Problems problems) {
        if (pointer == null) {
            return;
        }
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            problems.add(field, "must be a JSON pointer (empty, or starting with /, ~ only as ~0 or ~1), was '"
                    + pointer + "'");
        }
    }
}
