package io.splice.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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
    private final Supplier<ApiBehaviour> behaviour;

    CollectionApi(ObjectMapper mapper, RecordStore store, ValidationRules rules, CollectionHooks hooks, JsonResponses responses) {
        this(mapper, store, rules, hooks, responses, ApiBehaviour::defaults);
    }

    CollectionApi(ObjectMapper mapper, RecordStore store, ValidationRules rules, CollectionHooks hooks, JsonResponses responses,
                  Supplier<ApiBehaviour> behaviour) {
        this.behaviour = behaviour;
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
        ApiBehaviour api = behaviour.get();
        // an API without idempotency: every POST creates, a resend a duplicate
        String idempotencyKey = api.ignoreIdempotencyKey() ? null : request.idempotencyKey();
        Optional<StoredRecord> earlier = store.findByIdempotencyKey(collection, idempotencyKey);
        if (earlier.isPresent()) {
            return responses.replayed(earlier.get());
        }
        Optional<ValidationFailure> failure = rules.validate(collection, body.get());
        if (failure.isPresent()) {
            return responses.validationFailed(failure.get(), api.validationAnswers());
        }
        // After validation: a broken record would fail on any retry, a conflict only until the system is ready
        Optional<String> conflict = hooks.conflict(collection);
        if (conflict.isPresent()) {
            return responses.conflict(conflict.get());
        }
        CreateOutcome outcome = api.ignoreIdempotencyKey()
                ? store.createIgnoringKey(collection, request.idempotencyKey(), mapper.convertValue(body.get(), FIELDS))
                : store.create(collection, request.idempotencyKey(), mapper.convertValue(body.get(), FIELDS));
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
                .map(failure -> responses.validationFailed(failure, behaviour.get().validationAnswers()))
                .orElseGet(() -> responses.json(200, Map.of("valid", true)));
    }

    /** The record created with this Idempotency-Key, or 404: how a client finds out whether an earlier POST arrived. */
    SandboxResponse findByIdempotencyKey(String collection, String idempotencyKey) {
        return store.findByIdempotencyKey(collection, idempotencyKey)
                .map(record -> responses.record(200, record))
                .orElseGet(responses::notFound);
    }

    /**
     * GET /api/v1/{collection}?field=value[&field=value]: the records whose fields equal the values (as text), as a
     * list (empty when none) or a page: how most APIs let a client find a record.
     */
    SandboxResponse search(String collection, Map<String, String> criteria) {
        List<StoredRecord> found = store.records(collection).stream()
                .filter(record -> criteria.entrySet().stream().allMatch(criterion -> record.body().get(criterion.getKey()) != null
                        && String.valueOf(record.body().get(criterion.getKey())).equals(criterion.getValue())))
                .toList();
        return responses.found(found, behaviour.get().pagedSearch());
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
