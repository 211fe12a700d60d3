package io.splice.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record the sandbox accepted (answered 201).
 *
 * @param id             assigned by the sandbox: {@code <collection>-<n>}
 * @param idempotencyKey the Idempotency-Key it was created with, or null
 * @param body           the posted JSON object as maps, lists, strings, numbers, booleans and nulls
 */
public record StoredRecord(String id, String collection, String idempotencyKey, Map<String, Object> body, Instant createdAt) {

    public StoredRecord {
        // Map.copyOf rejects the nulls a JSON body may legitimately contain
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }
}
