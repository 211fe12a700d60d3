/**
 * The sandbox target: an in-process HTTP server on 127.0.0.1 standing in for the new system's API, so migrations
 * can be run and tested end to end without it.
 *
 * <p>Start one with {@link io.splice.sandbox.SandboxTarget#start(io.splice.sandbox.SandboxOptions)}. It serves
 * {@code POST /api/v1/{collection}} (create; Idempotency-Key replays answer 200 with {@code Idempotent-Replayed: true};
 * 400 for a body that is not a JSON object; 422 {@code {"error":"validation_failed","field","reason","value"}} per
 * {@link io.splice.sandbox.ValidationRules}), {@code GET /api/v1/{collection}/{id}}, {@code GET /api/v1/{collection}}
 * ({@code {"count": n}}) and {@code GET /sandbox/requests} (the request log without bodies). Every /api/v1 request
 * first passes bearer auth (401), then {@link io.splice.sandbox.FaultSettings} fault injection: a one-off 429 burst,
 * a sliding-window rate limit (429 + Retry-After), random 503s from a seeded random, and added latency.
 */
package io.splice.sandbox;
