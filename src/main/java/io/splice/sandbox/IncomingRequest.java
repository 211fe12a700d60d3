package io.splice.sandbox;

import java.time.Instant;
import java.util.function.Function;

/**
 * What the router needs from an HTTP exchange, read once so routing is independent of the server API.
 *
 * @param query the raw (still encoded) query string, or null
 */
record IncomingRequest(long sequence,
                       Instant arrivedAt,
                       long arrivedNanos,
                       String method,
                       String path,
                       String idempotencyKey,
                       String authorization,
                       RequestBody body,
                       String query, Function<String, String> headers) {

    /** A request header's first value, or null (the API key, the token request's Content-Type). */
    String header(String name) {
        return headers.apply(name);
    }
}
