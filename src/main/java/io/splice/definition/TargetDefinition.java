package io.splice.definition;

import java.util.LinkedHashMap;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * Where an entity's records go: an HTTP call ({@code method}, {@code path} appended to splice.target.url, extra
 * {@code headers}, the created id at {@code idPointer}, the idempotency header) or, for records the new API has no
 * endpoint for, a parameterised {@code sql} statement against the new system's database. {@code validatePath}: where
 * the target checks a record without storing it (a dry run POSTs there); {@code readPath}: where it answers a stored
 * record, {@code {id}} standing for the target id (the reconciliation reads a sample back); {@code lookupPath}: where it
 * finds a record by the idempotency key it was created with, {@code {idempotencyKey}} standing for it (a record that
 * may have reached the target before a crash is looked up there before it is sent again); {@code lookup}: the same
 * with the API's own shape ({@link Lookup}; {@code lookupPath: P} is short for {@code lookup: {path: P}}).
 */
public record TargetDefinition(
        String method,
        String path,
        @JsonSetter(contentNulls = Nulls.FAIL) LinkedHashMap<String, String> headers,
        String idPointer,
        String idempotencyHeader,
        Integer rate,
        SqlTarget sql,
        Upload upload,
        String validatePath,
        String readPath,
        String lookupPath,
        Lookup lookup) {

    public TargetDefinition {
        headers = headers == null ? new LinkedHashMap<>() : headers;
    }

    /** The look-up in effect: {@code lookup}, or {@code lookupPath} as its shorthand; null when there is none. */
    public Lookup effectiveLookup() {
        return lookup != null ? lookup : lookupPath == null ? null : new Lookup(lookupPath, null, null, null);
    }

    public boolean isSql() {
        return sql != null;
    }

    /**
     * The request body is not the mapped JSON but binary content streamed from the source: {@code contentQuery}
     * selects it (one column, one row) binding {@code :#key}, the record's source key; {@code contentType} is a
     * literal or a {field} of the mapped record. The content never travels through the broker.
     */
    public record Upload(String contentQuery, String contentType) {
    }

    /**
     * An insert or upsert binding the mapped fields as {@code :#field}; {@code idField} is the mapped field whose
     * value is recorded as the target id.
     */
    public record SqlTarget(String statement, String idField) {
    }

    /**
     * How the target finds a record that may be there already: {@code path} (with {@code {field}}s of the mapped
     * record and {@code {idempotencyKey}}, URL-encoded; may carry a query), the found record's id at {@code idPointer}
     * (default: the entity's idPointer, read in the found element when the answer is a list), the list at
     * {@code listPointer} (default: the answer itself when it is an array), and the statuses that mean absent,
     * {@code notFound} (default [404]).
     */
    public record Lookup(String path, String idPointer, String listPointer, java.util.List<Integer> notFound) {
    }
}
