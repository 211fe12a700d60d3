package io.splice.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds every JSON body the sandbox answers with, so error shapes stay identical across endpoints. */
final class JsonResponses {

    private final ObjectMapper mapper;

    JsonResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    SandboxResponse error(int status, String error) {
        return SandboxResponse.json(status, render(mapper.createObjectNode().put("error", error)));
    }

    SandboxResponse notFound() {
        return error(404, "not_found");
    }

    SandboxResponse badRequest(String reason) {
        return SandboxResponse.json(400, render(mapper.createObjectNode().put("error", "bad_request").put("reason", reason)));
    }

    SandboxResponse conflict(String reason) {
        return SandboxResponse.json(409, render(mapper.createObjectNode().put("error", "conflict").put("reason", reason)));
    }

    SandboxResponse tooLarge(String reason) {
        return SandboxResponse.json(413, render(mapper.createObjectNode().put("error", "payload_too_large").put("reason", reason)));
    }

    SandboxResponse validationFailed(ValidationFailure failure) {
        ObjectNode body = mapper.createObjectNode()
                .put("error", "validation_failed")
                .put("field", failure.field())
                .put("reason", failure.reason());
        body.set("value", failure.value() == null ? mapper.nullNode() : failure.value());
        return SandboxResponse.json(422, render(body));
    }

    /** A record's 422 in the shape the sandbox is set to answer (ApiBehaviour), as real APIs differ. */
    SandboxResponse validationFailed(ValidationFailure failure, ApiBehaviour.ValidationAnswers shape) {
        switch (shape) {
            case PROBLEM_DETAILS: {
                ObjectNode problem = mapper.createObjectNode()
                        .put("type", "https://sandbox.splice.invalid/problems/validation")
                        .put("title", "Your request is not valid")
                        .put("status", 422)
                        .put("detail", failure.field() + ": " + failure.reason());
                problem.putArray("invalid-params").addObject().put("name", failure.field()).put("reason", failure.reason());
                return SandboxResponse.json(422, render(problem)).withHeader("Content-Type", "application/problem+json");
            }
            case ERROR_AND_FIELDS: {
                ObjectNode body = mapper.createObjectNode().put("error", "validation failed");
                body.putArray("fields").add(failure.field());
                return SandboxResponse.json(422, render(body));
            }
            default:
                return validationFailed(failure);
        }
    }

    /** A search's answer: the records found, as a bare array or as a page {"content": [...], "totalElements": n}. */
    SandboxResponse found(List<StoredRecord> records, boolean paged) {
        List<Map<String, Object>> shown = records.stream().map(this::shown).toList();
        return json(200, paged ? Map.of("content", shown, "totalElements", shown.size()) : shown);
    }

    /** The record as the API shows it: the sandbox's id first, then the posted fields. */
    SandboxResponse record(int status, StoredRecord record) {
        return SandboxResponse.json(status, render(shown(record)));
    }

    private Map<String, Object> shown(StoredRecord record) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", record.id());
        // A posted "id" must not shadow the id the sandbox assigned
        record.body().forEach((field, value) -> {
            if (!"id".equals(field)) {
                shown.put(field, value);
            }
        });
        return shown;
    }

    /** The record an earlier request with the same Idempotency-Key created. */
    SandboxResponse replayed(StoredRecord record) {
        return record(200, record).withHeader(CollectionApi.REPLAYED_HEADER, "true");
    }

    /** Any value Jackson can write: maps, lists, records of the endpoints' own shapes. */
    SandboxResponse json(int status, Object value) {
        return SandboxResponse.json(status, render(value));
    }

    SandboxResponse count(int count) {
        return SandboxResponse.json(200, render(mapper.createObjectNode().put("count", count)));
    }

    /** The request log without bodies, which can be large and are available in-process through requests(). */
    SandboxResponse requestLog(List<ReceivedRequest> requests) {
        ArrayNode entries = mapper.createArrayNode();
        for (ReceivedRequest request : requests) {
            entries.addObject()
                    .put("sequence", request.sequence())
                    .put("arrivedAt", request.arrivedAt().toString())
                    .put("method", request.method())
                    .put("path", request.path())
                    .put("idempotencyKey", request.idempotencyKey())
                    .put("status", request.status());
        }
        return SandboxResponse.json(200, render(entries));
    }

    private String render(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
