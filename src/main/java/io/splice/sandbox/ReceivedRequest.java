package io.splice.sandbox;

import java.time.Instant;

/**
 * One request as the sandbox saw and answered it, in the request log.
 *
 * @param sequence       1-based arrival number
 * @param arrivedAt      wall-clock arrival time
 * @param arrivedNanos   {@link System#nanoTime()} taken first thing in the handler, for measuring client pacing
 * @param path           the path, with its query (still encoded) when it had one: {@code /api/v1/customers?email=a%40b.nl}
 * @param idempotencyKey the Idempotency-Key header, or null
 * @param body           the body as text, or only its size, {@code (N bytes)}, for a streamed upload
 * @param status         HTTP status the sandbox answered with
 */
public record ReceivedRequest(long sequence,
                              Instant arrivedAt,
                              long arrivedNanos,
                              String method,
                              String path,
                              String idempotencyKey,
                              String body,
                              int status,
                              String responseBody) {
}
