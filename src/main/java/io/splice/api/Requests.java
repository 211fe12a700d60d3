package io.splice.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * What the operator API accepts: one record per request body, read strictly by {@link ApiRequests} (unknown fields,
 * wrong types, fractions and out-of-range numbers are a 400 naming the field). The {@code @Schema} bounds are both
 * the OpenAPI document's and the ones enforced.
 */
public final class Requests {

    private Requests() {
    }

    @Schema(description = "Starts a run of every tenant, or of one")
    public record StartRun(
            @Schema(description = "One tenant; every tenant when absent", maxLength = ApiLimits.MAX_NAME) String tenant,
            @Schema(description = "Plan parameters by name, as the CLI's --param NAME=VALUE (at most "
                    + ApiLimits.MAX_PARAMETERS + "): a text, a number or true/false each") Map<String, Object> parameters) {
    }

    @Schema(description = "An entity's rate: requests per throttle period (splice.load.rate-period-millis), every tenant")
    public record Rate(
            @Schema(requiredMode = REQUIRED, minimum = "1", maximum = ApiLimits.MAX_RATE_TEXT) Integer rate) {
    }

    @Schema(description = "The consumers of an entity's queue")
    public record Concurrency(
            @Schema(requiredMode = REQUIRED, minimum = "1", maximum = ApiLimits.MAX_CONCURRENCY_TEXT) Integer concurrency) {
    }

    @Schema(description = "No fields: pausing and resuming take an empty body or {}")
    public record NoFields() {
    }

    @Schema(description = "FAILED records to replay: a fingerprint (reason) and/or sourceKeys, or all: true")
    public record Replay(
            @Schema(requiredMode = REQUIRED, maxLength = ApiLimits.MAX_NAME) String entity,
            @Schema(description = "Required when the migration has several tenants", maxLength = ApiLimits.MAX_NAME) String tenant,
            @Schema(description = "A fingerprint's reason, as GET /api/dead-letters lists it", maxLength = ApiLimits.MAX_REASON) String reason,
            @ArraySchema(maxItems = ApiLimits.MAX_SOURCE_KEYS, schema = @Schema(maxLength = ApiLimits.MAX_KEY)) List<String> sourceKeys,
            @Schema(description = "Every FAILED record of the tenant and entity; only alone") Boolean all,
            @Schema(description = "Answer exactly what would be replayed, and replay nothing") Boolean dryRun,
            @Schema(description = "dead-letters (default: their payload as queued) or source (re-read, after the "
                    + "legacy data was fixed)", allowableValues = {"dead-letters", "source"}) String from,
            @Schema(description = "The entity's rate from now on", minimum = "1", maximum = ApiLimits.MAX_RATE_TEXT) Integer rate) {
    }

    @Schema(description = "FAILED records to discard: a fingerprint (reason) and/or sourceKeys, or all: true; why is recorded")
    public record Discard(
            @Schema(requiredMode = REQUIRED, maxLength = ApiLimits.MAX_NAME) String entity,
            @Schema(description = "Required when the migration has several tenants", maxLength = ApiLimits.MAX_NAME) String tenant,
            @Schema(description = "A fingerprint's reason, as GET /api/dead-letters lists it", maxLength = ApiLimits.MAX_REASON) String reason,
            @ArraySchema(maxItems = ApiLimits.MAX_SOURCE_KEYS, schema = @Schema(maxLength = ApiLimits.MAX_KEY)) List<String> sourceKeys,
            @Schema(description = "Every FAILED record of the tenant and entity; only alone") Boolean all,
            @Schema(description = "Answer exactly what would be discarded, and discard nothing") Boolean dryRun,
            @Schema(description = "Why: recorded in the ledger with each record (not needed for a dry run)",
                    maxLength = ApiLimits.MAX_WHY) String why) {
    }
}
