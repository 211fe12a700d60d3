package io.splice.target;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The target's answer to a failed call, read for what a person fixing the data needs: a groupable text and the fields
 * it names. Understands the common shapes: {@code {"error"|"message": …, "field": …, "reason": …}},
 * {@code "fields": [..]}, {@code "errors": [{"field"|"path"|"pointer"|"source": {"pointer"}, "message"}]} and RFC 9457
 * problem details ({@code title}, {@code detail}, {@code invalid-params[].name}).
 *
 * @param body   the answer as the target sent it, cut at {@link #MAX_BODY} characters with a marker
 * @param text   groupable: the problem's title, the error text, or "postcode: must match 9999 AA" for a single field
 *               with its own reason
 * @param fields the fields the answer names, in its order, without repeats
 * @param detail record-specific, appended to the full message: " (a problem's detail)", " (value: …)", or ""
 */
public record FailureAnswer(String body, String text, List<String> fields, String detail) {

    static final int MAX_BODY = 8192;
    // a reason names at most this many fields; the rest are in fields and in the kept answer
    private static final int FIELDS_IN_REASON = 10;
    private static final String[] FIELD_NAMES = {"field", "name", "path", "pointer", "property", "propertyPath", "param"};
    private static final String[] TEXT_NAMES = {"message", "title", "reason", "defaultMessage", "detail", "code"};

    public FailureAnswer {
        fields = List.copyOf(fields);
    }

    /** @param contentType the answer's Content-Type, or null */
    public static FailureAnswer read(String body, String contentType, ObjectMapper json) {
        JsonNode answer = parse(body, json);
        List<String> fields = List.copyOf(fields(answer));
        boolean problem = contentType != null && contentType.toLowerCase().contains("problem+json")
                || answer.hasNonNull("title") && (answer.has("type") || answer.has("status") || answer.has("detail"));
        String detail = "";
        String text;
        if (problem) {
            text = firstText(answer, "title", "detail");
            String problemDetail = answer.path("detail").asText("");
            detail = problemDetail.isBlank() || problemDetail.equals(text) ? "" : " (" + problemDetail + ")";
        } else if (answer.path("field").isTextual() && firstText(answer, "reason", "message") != null) {
            // one field with its own reason, e.g. the sandbox's: "postcode: must match 9999 AA" (the form reasons had)
            return new FailureAnswer(cut(body), answer.get("field").asText() + ": " + firstText(answer, "reason", "message"),
                    fields, valueOf(answer));
        } else {
            text = errorText(answer);
        }
        return new FailureAnswer(cut(body), text == null ? "rejected" : text, fields, detail + valueOf(answer));
    }

    /** A 2xx answer Splice could not use (no id, several found): kept as sent, not read for fields. */
    static FailureAnswer unread(String body) {
        return new FailureAnswer(cut(body), "", List.of(), "");
    }

    /** "validation failed: email, name": the text, and the fields unless the text names its field itself. */
    public String reason() {
        if (fields.isEmpty() || fields.size() == 1 && text.startsWith(fields.get(0) + ": ")) {
            return text;
        }
        List<String> named = fields.size() > FIELDS_IN_REASON ? fields.subList(0, FIELDS_IN_REASON) : fields;
        // "Your request parameters didn't validate.: age" reads badly
        String lead = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return lead + ": " + String.join(", ", named) + (fields.size() > FIELDS_IN_REASON ? ", …" : "");
    }

    /** The fields as the ledger keeps them (failed.csv's field column): "email, name"; null for none. */
    public String fieldList() {
        return fields.isEmpty() ? null : String.join(", ", fields);
    }

    /** An answer cut at {@link #MAX_BODY} characters, with a marker saying how long it was. */
    static String cut(String body) {
        if (body == null || body.length() <= MAX_BODY) {
            return body;
        }
        String marker = "… [cut, " + body.length() + " characters]";
        int keep = MAX_BODY - marker.length();
        if (Character.isHighSurrogate(body.charAt(keep - 1))) {
            keep--;
        }
        return body.substring(0, keep) + marker;
    }

    private static Set<String> fields(JsonNode answer) {
        Set<String> fields = new LinkedHashSet<>();
        addField(fields, answer.get("field"));
        for (String list : new String[] {"fields", "errors", "invalid-params", "invalidParams", "violations"}) {
            JsonNode elements = answer.path(list);
            if (elements.isArray()) {
                elements.forEach(element -> addField(fields, element.isTextual() && !"fields".equals(list) ? null
                        : element));
            } else if (elements.isObject() && "errors".equals(list)) {
                // {"errors": {"email": ["is taken"]}}: Rails' shape
                elements.fieldNames().forEachRemaining(fields::add);
            }
        }
        return fields;
    }

    private static void addField(Set<String> fields, JsonNode element) {
        if (element == null || element.isNull() || element.isMissingNode()) {
            return;
        }
        if (element.isTextual()) {
            add(fields, element.asText());
            return;
        }
        if (element.isArray()) {
            // a path as segments, ["address", "street"] (GraphQL, zod)
            List<String> segments = new ArrayList<>();
            element.forEach(segment -> segments.add(segment.asText()));
            add(fields, String.join(".", segments));
            return;
        }
        for (String name : FIELD_NAMES) {
            JsonNode value = element.get(name);
            if (value != null && (value.isTextual() || value.isArray())) {
                addField(fields, value);
                return;
            }
        }
        addField(fields, element.path("source").get("pointer"));
    }

    /** "/data/attributes/email" and "#/address/street" as fields: their path without the JSON pointer's slashes. */
    private static void add(Set<String> fields, String field) {
        String name = field.startsWith("#") ? field.substring(1) : field;
        if (name.startsWith("/")) {
            name = name.substring(1).replace("~1", "/").replace("~0", "~").replace('/', '.');
            name = name.startsWith("data.attributes.") ? name.substring("data.attributes.".length()) : name;
        }
        if (!name.isBlank()) {
            fields.add(name);
        }
    }

    private static String errorText(JsonNode answer) {
        // {"error":"conflict","reason":"planboard jobs still running"}: the reason says more (and reasons had it)
        String reason = firstText(answer, "reason");
        if (reason != null) {
            return reason;
        }
        JsonNode error = answer.path("error");
        if (error.isTextual()) {
            return error.asText();
        }
        if (error.isObject()) {
            String nested = firstText(error, TEXT_NAMES);
            if (nested != null) {
                return nested;
            }
        }
        String text = firstText(answer, TEXT_NAMES);
        if (text != null) {
            return text;
        }
        JsonNode first = answer.path("errors").path(0);
        return first.isTextual() ? first.asText() : firstText(first, TEXT_NAMES);
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    private static String valueOf(JsonNode answer) {
        JsonNode value = answer.get("value");
        return value == null ? "" : " (value: " + value + ")";
    }

    private static JsonNode parse(String body, ObjectMapper json) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
            return node == null ? json.missingNode() : node;
        } catch (JsonProcessingException e) {
            return json.missingNode();
        }
    }
}
