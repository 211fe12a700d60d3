package io.splice.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * PUT /api/v1/projects/{projectId}/documents/{filename}: a raw upload of any content type, streamed into a
 * SHA-256 and a byte count and stored as a record in collection {@value #COLLECTION}; the bytes are not kept.
 */
final class DocumentApi implements ApiEndpoints {

    static final String COLLECTION = "documents";

    private final RecordStore store;
    private final long maxBytes;
    private final JsonResponses responses;

    DocumentApi(RecordStore store, long maxBytes, JsonResponses responses) {
        this.store = store;
        this.maxBytes = maxBytes;
        this.responses = responses;
    }

    /** Whether this path is an upload, whose body must be streamed, never read as text. */
    static boolean isUpload(IncomingRequest request) {
        return DocumentPath.parse(request.path()).isPresent();
    }

    @Override
    public Optional<SandboxResponse> answer(IncomingRequest request) {
        Optional<DocumentPath> path = DocumentPath.parse(request.path());
        if (path.isEmpty()) {
            return Optional.empty();
        }
        if (!"PUT".equals(request.method())) {
            request.body().discard();
            return Optional.of(responses.notFound());
        }
        return Optional.of(upload(path.get(), request));
    }

    private SandboxResponse upload(DocumentPath path, IncomingRequest request) {
        DocumentDigest digest = new DocumentDigest(maxBytes);
        // Read to the end even when too large: a client still sending its body would not see an early 413
        request.body().stream(digest);
        if (digest.tooLarge()) {
            return responses.tooLarge("document is " + digest.size() + " bytes, more than the " + maxBytes + " accepted");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("projectId", path.projectId());
        fields.put("filename", path.filename());
        fields.put("size", digest.size());
        fields.put("sha256", digest.sha256Hex());
        // The store checks the Idempotency-Key and creates atomically, so a repeated upload answers the first record
        CreateOutcome outcome = store.create(COLLECTION, request.idempotencyKey(), fields);
        return outcome.created() ? responses.record(201, outcome.record()) : responses.replayed(outcome.record());
    }
}
