package io.splice.e2e;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.splice.api.ApiLimits;
import io.splice.sample.SampleDataGenerator;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.OperatorApiClient;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static io.splice.testing.OperatorApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator API's contract: typed, strict requests (unknown fields, wrong types, fractions, huge numbers and
 * malformed JSON are a 400 naming the field; a large body is a 413), bounded numbers, explicit selections, 404 for
 * unknown names, parameters checked before a run is accepted, camelCase answers, and the OpenAPI document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorApiContractTest {

    private static final String NOT_A_NUMBER = "mapping houseNumber: is not a whole number";

    private TestStack stack;
    private SpliceUnderTest splice;
    private OperatorApiClient api;
    private Path workDir;

    @BeforeAll
    void given() throws Exception {
        // a finished run whose defective records are FAILED (the sandbox answers everything else)
        workDir = Files.createTempDirectory("operator-api");
        stack = TestStack.create();
        new SampleDataGenerator(9, 0.2).generate(stack.source().dataSource());
        api = OperatorApiClient.in(workDir);
        SandboxTarget sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults()));
        Map<String, String> properties = new HashMap<>(api.properties());
        properties.put("splice.load.rate", "1000");
        splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, properties));
        splice.run();
        assertThat(failed()).isPositive();
    }

    @AfterAll
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void anUnknownFieldIsA400NamingItAndNothingIsDiscarded() throws Exception {
        int before = failed();

        // a misspelt selection field: it used to be ignored, and no selection meant every FAILED record
        HttpResponse<String> answer = api.post("dead-letters/discard",
                "{\"entity\": \"addresses\", \"reasn\": \"" + NOT_A_NUMBER + "\", \"why\": \"typo\"}");

        assertError(answer, 400, "unknown field 'reasn'");
        assertThat(failed()).isEqualTo(before);
    }

    @Test
    void aReplayOrDiscardWithoutASelectionIsA400AndAllMustBeSaid() throws Exception {
        int before = failed();

        assertError(api.post("dead-letters/discard", "{\"entity\": \"addresses\", \"why\": \"no selection\"}"), 400,
                "a selection is required");
        assertError(api.post("dead-letters/replay", "{\"entity\": \"addresses\"}"), 400, "a selection is required");
        assertError(api.post("dead-letters/discard", "{\"entity\": \"addresses\", \"all\": true, \"reason\": \"x\", "
                + "\"why\": \"both\"}"), 400, "all: true");
        assertError(api.post("dead-letters/discard", "{\"entity\": \"addresses\", \"all\": \"yes\", \"why\": \"x\"}"),
                400, "all: true or false");

        assertThat(failed()).isEqualTo(before);
    }

    @Test
    void wrongTypesFractionsAndHugeNumbersAreA400NamingTheFieldAndItsMaximum() throws Exception {
        assertError(api.put("entities/addresses/rate", "{\"rate\": 2.5}"), 400, "rate: a whole number from 1 to 10000");
        assertError(api.put("entities/addresses/rate", "{\"rate\": 12345678901234567890}"), 400,
                "rate: a whole number from 1 to 10000");
        assertError(api.put("entities/addresses/rate", "{\"rate\": \"5\"}"), 400, "rate: a whole number from 1 to 10000");
        assertError(api.put("entities/addresses/rate", "{\"rate\": 10000000}"), 400,
                "rate: must be a whole number from 1 to 10000, was 10000000");
        assertError(api.put("entities/addresses/rate", "{\"rate\": 0}"), 400, "rate: must be a whole number from 1");
        assertError(api.put("entities/addresses/rate", "{}"), 400, "rate: required");
        assertError(api.put("entities/addresses/concurrency", "{\"concurrency\": 65}"), 400,
                "concurrency: must be a whole number from 1 to 64, was 65");
        assertError(api.put("entities/addresses/concurrency", "{\"concurrency\": 4294967297}"), 400,
                "concurrency: a whole number from 1 to 64");
        assertError(api.post("dead-letters/replay", "{\"entity\": \"addresses\", \"all\": true, \"rate\": 1e9}"), 400,
                "rate: a whole number from 1 to 10000");
        // and the rate an operator may set is the maximum itself
        assertThat(api.ok(api.put("entities/addresses/rate", "{\"rate\": " + ApiLimits.MAX_RATE + "}")).path("rate").asInt())
                .isEqualTo(ApiLimits.MAX_RATE);
        api.ok(api.put("entities/addresses/rate", "{\"rate\": 1000}"));
    }

    @Test
    void malformedJsonIsA400AndALargeBodyA413() throws Exception {
        assertError(api.put("entities/addresses/rate", "{\"rate\": "), 400, "malformed JSON");
        assertError(api.post("dead-letters/discard", "{\"entity\": \"addresses\",,}"), 400, "malformed JSON");
        assertError(api.post("runs", "[1, 2]"), 400, "the body");
        assertError(api.post("dead-letters/discard", "{\"entity\": \"addresses\", \"sourceKeys\": [\"1\"], "
                + "\"why\": \"" + "x".repeat(ApiLimits.MAX_BODY_BYTES) + "\"}"), 413, null);
        assertError(api.post("dead-letters/discard", "{\"entity\": \"addresses\", \"sourceKeys\": [\"1\"], "
                + "\"why\": \"" + "x".repeat(ApiLimits.MAX_WHY + 1) + "\"}"), 400, "why: at most 2000 characters");
    }

    @Test
    void unknownTenantEntityOrFingerprintIsA404() throws Exception {
        assertError(api.post("dead-letters/replay", Map.of("entity", "adresses", "all", true)), 404, "entity:");
        assertError(api.post("dead-letters/replay", Map.of("entity", "addresses", "tenant", "nobody", "all", true)),
                404, "tenant:");
        assertError(api.post("dead-letters/discard", Map.of("entity", "addresses", "reason", "no such reason",
                "why", "x")), 404, "reason:");
        assertError(api.put("entities/adresses/rate", "{\"rate\": 5}"), 404, "entity:");
        assertError(api.post("entities/adresses/pause", ""), 404, "entity:");
        assertError(api.get("dead-letters?tenant=nobody"), 404, "tenant:");
        assertError(api.get("runs/no-such-run"), 404, "id:");
    }

    @Test
    void aRunsParametersAreCheckedBeforeItIsAccepted() throws Exception {
        int runs = runs();

        HttpResponse<String> answer = api.post("runs", "{\"parameters\": {\"migrateEverything\": \"true\"}}");

        // the CLI's message for --param migrateEverything=true
        assertError(answer, 400, "parameters: Unknown plan parameter 'migrateEverything'");
        assertError(api.post("runs", "{\"tenant\": \"nobody\"}"), 404, "tenant:");
        // a parameter is a JSON text, number or boolean, checked as the CLI checks it; an object is no parameter
        assertError(api.post("runs", "{\"parameters\": {\"planboardSecondsToWait\": {\"a\": 1}}}"), 400,
                "parameters.planboardSecondsToWait: must be a text, a number or true/false");
        assertThat(runs()).isEqualTo(runs);
    }

    @Test
    void answersAreCamelCase() throws Exception {
        JsonNode runs = api.ok(api.get("runs"));
        assertThat(runs.get(0).has("runId")).isTrue();
        assertThat(runs.get(0).has("startedAt")).isTrue();
        assertThat(runs.toString()).doesNotContain("run_id", "started_at");
        JsonNode groups = api.ok(api.get("dead-letters"));
        assertThat(groups.get(0).has("httpStatus") || groups.get(0).has("sampleKey")).isTrue();
        assertThat(groups.toString()).doesNotContain("sample_key", "http_status", "last_seen");
        JsonNode progress = api.ok(api.get("progress"));
        assertThat(progress.get(0).path("failed").asInt()).isEqualTo(failed());
        assertThat(progress.get(0).has("ratePerSecond")).isTrue();
    }

    @Test
    void theOpenApiDocumentDescribesEveryPathAndTheMaxima() throws Exception {
        JsonNode doc = api.ok(api.get("openapi.json"));

        assertThat(doc.path("openapi").asText()).startsWith("3.");
        JsonNode paths = doc.path("paths");
        for (String path : List.of("/api/runs", "/api/runs/{id}", "/api/progress", "/api/entities/{entity}/pause",
                "/api/entities/{entity}/resume", "/api/entities/{entity}/rate", "/api/entities/{entity}/concurrency",
                "/api/dead-letters", "/api/dead-letters/replay", "/api/dead-letters/discard")) {
            assertThat(paths.has(path)).as(path + " in " + paths.fieldNames()).isTrue();
        }
        assertThat(paths.path("/api/entities/{entity}/rate").has("put")).isTrue();
        assertThat(paths.path("/api/dead-letters/discard").has("post")).isTrue();
        assertThat(paths.path("/api/dead-letters/discard").has("get")).isFalse();
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(schemas.path("Rate").path("properties").path("rate").path("maximum").asInt()).isEqualTo(ApiLimits.MAX_RATE);
        assertThat(schemas.path("Concurrency").path("properties").path("concurrency").path("maximum").asInt())
                .isEqualTo(ApiLimits.MAX_CONCURRENCY);
        assertThat(schemas.path("Replay").path("properties").path("sourceKeys").path("maxItems").asInt())
                .isEqualTo(ApiLimits.MAX_SOURCE_KEYS);
        assertThat(schemas.path("Discard").path("properties").has("dryRun")).isTrue();
    }

    private void assertError(HttpResponse<String> answer, int status, String message) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        if (message != null) {
            JsonNode error = json(answer);
            assertThat(error.path("status").asInt()).isEqualTo(status);
            assertThat(error.path("message").asText()).contains(message);
        }
    }

    private int failed() {
        Integer n = splice.ledger().queryForObject("select count(*) from splice_record where status = 'FAILED'", Integer.class);
        return n == null ? 0 : n;
    }

    private int runs() {
        Integer n = splice.ledger().queryForObject("select count(*) from splice_run", Integer.class);
        return n == null ? 0 : n;
    }
}
