package io.splice.sandbox;

import java.util.Optional;

/** A group of fixed /api/v1 endpoints, asked before the generic collection API. */
interface ApiEndpoints {

    /**
     * The answer when the path is one of these endpoints (404 for a method they do not serve), or empty when the
     * path is not theirs. Called only after the request passed the {@link ApiGate}.
     */
    Optional<SandboxResponse> answer(IncomingRequest request);
}
