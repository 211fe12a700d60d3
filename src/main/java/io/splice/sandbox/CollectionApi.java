package io.splice.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.Optional;

/** The /api/v1/{collection} endpoints: create (with idempotency and validation), validate only, read one, count. */
final class CollectionApi {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() { };

    private final ObjectMapper mapper;
    private final JsonObjectReader reader;
    private final RecordStore store;
    private final ValidationRules rules;
    private final CollectionHooks hooks;
    private final JsonResponses responses;

    CollectionApi(ObjectMapper mapper, RecordStore store, ValidationRules rules, CollectionHooks hooks, JsonResponses responses) {
        this.mapper = mapper;
        this.reader = new JsonObjectReader(mapper);
        this.store = store;
        this.rules = rules;
        this.hooks = hooks;
        this.responses = responses;
    }

    SandboxResponse create(String collection, IncomingRequest request) {
        Optional<JsonNode> body = reader.read(request.body().text());
        if (body.isEmpty()) {
            return responses.badRequest(JsonObjectReader.NOT_AN_OBJECT);
        }
        Optional<StoredRecord> earlier = store.findByIdempotencyKey(collection, request.idempotencyKey());
        if (earlier.isPresent()) {
            return responses.replayed(earlier.get());
        }
        Optional<ValidationFailure> failure = rules.validate(collection, body.get());
        if (failure.isPresent()) {
            return responses.validationFailed(failure.get());
        }
        // After validation: a broken record would fail on any retry, a conflict only until the system is ready
        Optional<String> conflict = hooks.conflict(collection);
        if (conflict.isPresent()) {
            return responses.conflict(conflict.get());
        }
        CreateOutcome outcome = store.create(collection, request.idempotencyKey(), mapper.convertValue(body.get(), FIELDS));
        if (!outcome.created()) {
            // A concurrent request with the same key won the race since the check above
            return responses.replayed(outcome.record());
        }
        hooks.created(outcome.record());
        return responses.record(201, outcome.record());
    }

    /** POST /api/v1/{collection}/validate: the create's checks, nothing stored (a dry run asks here). */
    SandboxResponse validate(String collection, IncomingRequest request) {
        Optional<JsonNode> body = reader.read(request.body().text());
        if (body.isEmpty()) {
            return responses.badRequest(JsonObjectReader.NOT_AN_OBJECT);
        }
        return rules.validate(collection, body.get())
                .map(responses::validationFailed)
                .orElseGet(() -> responses.json(200, Map.of("valid", true)));
    }

    /** The record created with this Idempotency-Key, or 404: how a client finds out whether an earlier POST arrived. */
    SandboxResponse findByIdempotencyKey(String collection, String idempotencyKey) {
        return store.findByIdempotencyKey(collection, idempotencyKey)
                .map(record -> responses.record(200, record))
                .orElseGet(responses::notFound);
    }

    SandboxResponse get(String collection, String id) {
        return store.findById(collection, id)
                .map(record -> responses.record(200, record))
                .orElseGet(responses::notFound);
    }

    SandboxResponse count(String collection) {
        return responses.count(store.count(collection));
    }
}
