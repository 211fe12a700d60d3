package io.splice.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The records of one collection: by id, by idempotency key and in creation order. */
final class CollectionRecords {

    private final String collection;
    private final Clock clock;
    private final Map<String, StoredRecord> byId = new ConcurrentHashMap<>();
    private final Map<String, StoredRecord> byIdempotencyKey = new ConcurrentHashMap<>();
    private final List<StoredRecord> inCreationOrder = new ArrayList<>();
    private long lastNumber;

    CollectionRecords(String collection, Clock clock) {
        this.collection = collection;
        this.clock = clock;
    }

    /** Creates the record unless its idempotency key was already used; the whole check-and-create is atomic. */
    synchronized CreateOutcome create(String idempotencyKey, Map<String, Object> body) {
        if (idempotencyKey != null) {
            StoredRecord earlier = byIdempotencyKey.get(idempotencyKey);
            if (earlier != null) {
                return new CreateOutcome(earlier, false);
            }
        }
        StoredRecord created = new StoredRecord(collection + "-" + (++lastNumber), collection, idempotencyKey, body, clock.instant());
        byId.put(created.id(), created);
        if (idempotencyKey != null) {
            byIdempotencyKey.put(idempotencyKey, created);
        }
        inCreationOrder.add(created);
        return new CreateOutcome(created, true);
    }

    /** Creates the record without looking at or indexing its key: by-key look-ups never find it. */
    synchronized CreateOutcome createIgnoringKey(String idempotencyKey, Map<String, Object> body) {
        StoredRecord created = new StoredRecord(collection + "-" + (++lastNumber), collection, idempotencyKey, body, clock.instant());
        byId.put(created.id(), created);
        inCreationOrder.add(created);
        return new CreateOutcome(created, true);
    }

    /** A user of the new system changes a field of a stored record. */
    synchronized Optional<StoredRecord> edit(String id, String field, Object value) {
        StoredRecord old = byId.get(id);
        if (old == null) {
            return Optional.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>(old.body());
        body.put(field, value);
        StoredRecord edited = new StoredRecord(old.id(), collection, old.idempotencyKey(), body, old.createdAt());
        byId.put(id, edited);
        // a record created ignoring its key (ApiBehaviour.ignoreIdempotencyKey) is not indexed by it
        if (old.idempotencyKey() != null && byIdempotencyKey.get(old.idempotencyKey()) == old) {
            byIdempotencyKey.put(old.idempotencyKey(), edited);
        }
        inCreationOrder.set(inCreationOrder.indexOf(old), edited);
        return Optional.of(edited);
    }

    Optional<StoredRecord> byIdempotencyKey(String idempotencyKey) {
        return idempotencyKey == null ? Optional.empty() : Optional.ofNullable(byIdempotencyKey.get(idempotencyKey));
    }

    Optional<StoredRecord> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    int count() {
        return byId.size();
    }

    synchronized List<StoredRecord> snapshot() {
        return List.copyOf(inCreationOrder);
    }
}
