package io.splice.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** GET/PUT /api/v1/workflows/active and /api/v1/settings/email: what a plan prepares before loading and restores after. */
final class SettingsApi implements ApiEndpoints {

    static final String ACTIVE_WORKFLOWS_PATH = "/api/v1/workflows/active";
    static final String EMAIL_PATH = "/api/v1/settings/email";

    private static final String UNKNOWN_WORKFLOW = "must name known workflows: " + String.join(", ", TargetSettings.KNOWN_WORKFLOWS);

    private final TargetSettings settings;
    private final JsonObjectReader reader;
    private final JsonResponses responses;

    SettingsApi(TargetSettings settings, JsonObjectReader reader, JsonResponses responses) {
        this.settings = settings;
        this.reader = reader;
        this.responses = responses;
    }

    @Override
    public Optional<SandboxResponse> answer(IncomingRequest request) {
        switch (request.path()) {
            case ACTIVE_WORKFLOWS_PATH:
                return Optional.of(serve(request, this::activeWorkflows, this::replaceActiveWorkflows));
            case EMAIL_PATH:
                return Optional.of(serve(request, this::email, this::setEmail));
            default:
                return Optional.empty();
        }
    }

    private SandboxResponse serve(IncomingRequest request, Supplier<SandboxResponse> read,
                                  Function<JsonNode, SandboxResponse> replace) {
        if ("GET".equals(request.method())) {
            return read.get();
        }
        if (!"PUT".equals(request.method())) {
            return responses.notFound();
        }
        return reader.read(request.body().text())
                .map(replace)
                .orElseGet(() -> responses.badRequest(JsonObjectReader.NOT_AN_OBJECT));
    }

    private SandboxResponse activeWorkflows() {
        return responses.json(200, Map.of("ids", settings.activeWorkflows()));
    }

    private SandboxResponse replaceActiveWorkflows(JsonNode body) {
        JsonNode ids = body.get("ids");
        if (ids == null || ids.isNull()) {
            return responses.validationFailed(new ValidationFailure("ids", FieldRule.IS_REQUIRED, null));
        }
        Optional<List<String>> names = textsOf(ids);
        if (names.isEmpty()) {
            return responses.validationFailed(new ValidationFailure("ids", "must be an array of workflow ids", ids));
        }
        Optional<String> unknown = settings.replaceActiveWorkflows(names.get());
        return unknown.isPresent()
                ? responses.validationFailed(new ValidationFailure("ids", UNKNOWN_WORKFLOW, TextNode.valueOf(unknown.get())))
                : activeWorkflows();
    }

    private SandboxResponse email() {
        return responses.json(200, Map.of("enabled", settings.emailEnabled()));
    }

    private SandboxResponse setEmail(JsonNode body) {
        JsonNode enabled = body.get("enabled");
        if (enabled == null || enabled.isNull()) {
            return responses.validationFailed(new ValidationFailure("enabled", FieldRule.IS_REQUIRED, null));
        }
        if (!enabled.isBoolean()) {
            return responses.validationFailed(new ValidationFailure("enabled", "must be true or false", enabled));
        }
        settings.setEmailEnabled(enabled.booleanValue());
        return email();
    }

    private static Optional<List<String>> textsOf(JsonNode array) {
        if (!array.isArray()) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return Optional.empty();
            }
            texts.add(element.textValue());
        }
        return Optional.of(texts);
    }
}
