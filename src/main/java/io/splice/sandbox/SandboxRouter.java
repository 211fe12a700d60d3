package io.splice.sandbox;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a request to its answer: the gated /api/v1 endpoints (fixed endpoints first, then the generic collections),
 * the ungated request log, 404 for the rest.
 */
final class SandboxRouter {

    static final String REQUEST_LOG_PATH = "/sandbox/requests";
    private static final String VALIDATE = "validate";
    /** GET /api/v1/{collection}/by-key/{idempotency key}: the record created with that key (the path is decoded). */
    private static final Pattern BY_IDEMPOTENCY_KEY = Pattern.compile("^/api/v1/([A-Za-z0-9_-]+)/by-key/(.+)$");

    private final ApiGate gate;
    private final List<ApiEndpoints> endpoints;
    private final CollectionApi api;
    private final RequestLog log;
    private final JsonResponses responses;
    private final SandboxAuthentication authentication;

    SandboxRouter(ApiGate gate, List<ApiEndpoints> endpoints, CollectionApi api, RequestLog log, JsonResponses responses,
                  SandboxAuthentication authentication) {
        this.authentication = authentication;
        this.gate = gate;
        this.endpoints = List.copyOf(endpoints);
        this.api = api;
        this.log = log;
        this.responses = responses;
    }

    SandboxResponse route(IncomingRequest request) {
        if (REQUEST_LOG_PATH.equals(request.path())) {
            return "GET".equals(request.method()) ? responses.requestLog(log.snapshot()) : responses.notFound();
        }
        // the OAuth2 token endpoint is not behind the API's gate: it is where its tokens come from
        if (OAuthTokens.PATH.equals(request.path())) {
            return authentication.tokenEndpoint(request);
        }
        if (!request.path().startsWith(ApiPath.PREFIX)) {
            return responses.notFound();
        }
        // Faults apply to the whole API, reads included, as they would on a struggling real system
        Optional<SandboxResponse> refusal = gate.refusal(request);
        if (refusal.isPresent()) {
            if (DocumentApi.isUpload(request)) {
                // A refused upload is still read to its end and only counted, so its bytes never reach the log
                request.body().discard();
            }
            return refusal.get();
        }
        for (ApiEndpoints group : endpoints) {
            Optional<SandboxResponse> answer = group.answer(request);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        Matcher byKey = BY_IDEMPOTENCY_KEY.matcher(request.path());
        if (byKey.matches() && "GET".equals(request.method())) {
            return api.findByIdempotencyKey(byKey.group(1), byKey.group(2));
        }
        return ApiPath.parse(request.path())
                .map(path -> dispatch(path, request))
                .orElseGet(responses::notFound);
    }

    private SandboxResponse dispatch(ApiPath path, IncomingRequest request) {
        String method = request.method();
        if (path.namesCollection() && "POST".equals(method)) {
            return api.create(path.collection(), request);
        }
        if (path.namesCollection() && "GET".equals(method) && request.query() != null) {
            return api.search(path.collection(), SearchQuery.criteria(request.query()));
        }
        if (path.namesCollection() && "GET".equals(method)) {
            return api.count(path.collection());
        }
        if (!path.namesCollection() && "POST".equals(method) && VALIDATE.equals(path.id())) {
            return api.validate(path.collection(), request);
        }
        if (!path.namesCollection() && "GET".equals(method)) {
            return api.get(path.collection(), path.id());
        }
        return responses.notFound();
    }
}
