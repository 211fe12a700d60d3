package io.splice.sandbox;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every accepted record of every collection, created on demand per collection name. */
final class RecordStore {

    private final Clock clock;
    private final Map<String, CollectionRecords> collections = new ConcurrentHashMap<>();

    RecordStore(Clock clock) {
        this.clock = clock;
    }

    CreateOutcome create(String collection, String idempotencyKey, Map<String, Object> body) {
        return collections.computeIfAbsent(collection, name -> new CollectionRecords(name, clock)).create(idempotencyKey, body);
    }

    /** Creates the record whatever its key (an API that ignores Idempotency-Key); the key is only kept on the record. */
    CreateOutcome createIgnoringKey(String collection, String idempotencyKey, Map<String, Object> body) {
        return collections.computeIfAbsent(collection, name -> new CollectionRecords(name, clock)).createIgnoringKey(idempotencyKey, body);
    }

    Optional<StoredRecord> findByIdempotencyKey(String collection, String idempotencyKey) {
        return existing(collection).flatMap(records -> records.byIdempotencyKey(idempotencyKey));
    }

    Optional<StoredRecord> findById(String collection, String id) {
        return existing(collection).flatMap(records -> records.byId(id));
    }

    Optional<StoredRecord> edit(String collection, String id, String field, Object value) {
        return existing(collection).flatMap(records -> records.edit(id, field, value));
    }

    int count(String collection) {
        return existing(collection).map(CollectionRecords::count).orElse(0);
    }

    List<StoredRecord> records(String collection) {
        return existing(collection).map(CollectionRecords::snapshot).orElse(List.of());
    }

    private Optional<CollectionRecords> existing(String collection) {
        return Optional.ofNullable(collections.get(collection));
    }
}
