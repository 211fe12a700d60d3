/**
 * The sandbox target: an in-process HTTP server on 127.0.0.1 standing in for the new system's API, so migrations
 * can be run and tested end to end without it.
 *
 * <p>Start one with {@link io.splice.sandbox.SandboxTarget#start(io.splice.sandbox.SandboxOptions)} (or with a
 * {@link java.time.Clock} tests can move). It serves
 * {@code POST /api/v1/{collection}} (create; Idempotency-Key replays answer 200 with {@code Idempotent-Replayed: true};
 * 400 for a body that is not a JSON object; 422 {@code {"error":"validation_failed","field","reason","value"}} per
 * {@link io.splice.sandbox.ValidationRules}), {@code GET /api/v1/{collection}/{id}}, {@code GET /api/v1/{collection}}
 * ({@code {"count": n}}), {@code GET /api/v1/{collection}?field=value} (a search: the matching records as a list, or
 * a page {@code {"content":[...]}}), {@code GET /api/v1/{collection}/by-key/{key}} (the record created with that
 * Idempotency-Key, or 404) and {@code GET /sandbox/requests} (the request log without bodies). Where real APIs differ
 * it behaves as {@link io.splice.sandbox.ApiBehaviour} says: 422s as problem details or {@code {"error","fields"}},
 * and creates that ignore the Idempotency-Key. Every /api/v1 request
 * first passes bearer auth (401), then {@link io.splice.sandbox.FaultSettings} fault injection: a one-off 429 burst,
 * a sliding-window rate limit (429 + Retry-After), random 503s from a seeded random, and added latency.
 * {@link io.splice.sandbox.SandboxTarget#authentication()} switches the auth check to OAuth2 tokens of its own
 * {@code POST /oauth/token} (client credentials grant; expired or revoked tokens answer 401
 * {@code WWW-Authenticate: Bearer error="invalid_token"}), an API key in a header, or Basic credentials.
 *
 * <p>What a migration plan prepares, waits for and uploads:
 * <ul>
 *   <li>{@code GET/PUT /api/v1/workflows/active} {@code {"ids":[...]}}: workflows wf-1..wf-3, wf-1 and wf-3 active
 *       at start; unknown ids answer 422.</li>
 *   <li>{@code GET/PUT /api/v1/settings/email} {@code {"enabled":true|false}}, on at start.</li>
 *   <li>{@code GET /api/v1/planboard-jobs} {@code {"pending":n,"jobs":[{"id","projectId","status"}]}}: every new
 *       project starts a job that is RUNNING for {@link io.splice.sandbox.SandboxOptions#planboardJobMillis()};
 *       meanwhile {@code POST /api/v1/planboards} answers 409 {@code {"error":"conflict","reason":"planboard jobs still running"}}.</li>
 *   <li>{@code PUT /api/v1/projects/{projectId}/documents/{filename}}: a raw body of any content type, chunked or
 *       not, streamed into a SHA-256 and a size and stored in collection {@code documents} as
 *       {@code {"id","projectId","filename","size","sha256"}} (201; Idempotency-Key replays as above; 413 above
 *       {@link io.splice.sandbox.SandboxOptions#maxDocumentBytes()}). The request log keeps only {@code (N bytes)}.</li>
 * </ul>
 */
package io.splice.sandbox;
