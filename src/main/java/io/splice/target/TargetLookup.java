package io.splice.target;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.splice.definition.TargetDefinition;

/**
 * One look-up of a record at the target (the entity's {@code lookup}): where it was asked, and how its answer reads.
 * A GET-by-key API answers the record or 404; a search API answers a list, empty when the record is absent.
 *
 * @param path      the path asked, query included ("/api/v1/customers?email=a%40b.nl"), for messages
 * @param template  the configured path, for groupable reasons
 * @param idPointer where the id is: in the answer, or in the list's one element
 */
public record TargetLookup(String path, String template, String idPointer, String listPointer, List<Integer> notFound) {

    /** Exchange property: the look-up this attempt makes (set with Keys.LOOKING_UP). */
    public static final String PROPERTY = "spliceLookup";
    private static final List<Integer> NOT_FOUND = List.of(404);

    static TargetLookup of(TargetDefinition.Lookup lookup, String path, String entityIdPointer) {
        return new TargetLookup(path, lookup.path(), lookup.idPointer() == null ? entityIdPointer : lookup.idPointer(),
                lookup.listPointer(), lookup.notFound() == null ? NOT_FOUND : List.copyOf(lookup.notFound()));
    }

    /** The path part, for Exchange.HTTP_PATH. */
    String pathOnly() {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** The query (without '?', already encoded), for Exchange.HTTP_QUERY; null when there is none. */
    String query() {
        int query = path.indexOf('?');
        return query < 0 || query == path.length() - 1 ? null : path.substring(query + 1);
    }

    boolean meansAbsent(int status) {
        return notFound.contains(status);
    }

    /** What a 2xx answer says: found (with its id), absent, several, or unreadable. */
    Result read(JsonNode answer) {
        JsonNode list = listPointer == null ? (answer.isArray() ? answer : null) : answer.at(listPointer);
        if (listPointer != null && !list.isArray()) {
            return new Unreadable("lookup answer without a list at " + listPointer);
        }
        JsonNode record = answer;
        if (list != null) {
            if (list.isEmpty()) {
                return new Absent();
            }
            if (list.size() > 1) {
                return new Several(list.size());
            }
            record = list.get(0);
        }
        JsonNode id = record.at(idPointer);
        if (id.isMissingNode() || id.isNull() || id.isContainerNode()) {
            return new Unreadable("lookup answer without id at " + idPointer);
        }
        return new Found(id.asText());
    }

    sealed interface Result permits Found, Absent, Several, Unreadable {
    }

    record Found(String id) implements Result {
    }

    record Absent() implements Result {
    }

    record Several(int count) implements Result {
    }

    record Unreadable(String reason) implements Result {
    }
}
