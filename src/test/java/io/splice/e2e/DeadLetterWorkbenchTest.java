package io.splice.e2e;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.sample.SampleDataGenerator;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.ManagementUsersFile;
import io.splice.testing.DeadLetters;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dead-letter workbench through the API: a dry run, a replay by fingerprint, and a discard with a reason. */
class DeadLetterWorkbenchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPS = "ops:dl-ops-pw";
    private static final String UNAVAILABLE = "HTTP 503, retries exhausted";
    private static final String NOT_A_NUMBER = "mapping houseNumber: is not a whole number";

    @TempDir
    Path workDir;

    private TestStack stack;
    private SandboxTarget sandbox;
    private SpliceUnderTest splice;
    private final HttpClient http = HttpClient.newHttpClient();
    private String api;

    @BeforeEach
    void given() throws Exception {
        // a run against a target that answered a quarter of its requests 503, with no retries left to ride it out
        stack = TestStack.create();
        new SampleDataGenerator(9, 0.2).generate(stack.source().dataSource());
        Path users = ManagementUsersFile.write(workDir, "dl-ops-pw");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        api = "http://127.0.0.1:" + port + "/api/";
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults()
                .withFaults(FaultSettings.none().withUnavailableRate(0.25).withSeed(9))));
        splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, Map.of(
                "splice.management.users-file", users.toString(), "camel.management.port", String.valueOf(port),
                "splice.retry.maximum-redeliveries", "0", "splice.load.rate", "1000")));
        splice.run();
        sandbox.updateFaults(FaultSettings.none());
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void aDryRunSaysWhatWouldBeSentAfterTheCurrentMappingAndSendsNothing() throws Exception {
        int requests = sandbox.requests().size();

        JsonNode dry = post("dead-letters/replay", Map.of("entity", "addresses", "reason", NOT_A_NUMBER, "dryRun", true));

        assertThat(dry.path("records").asInt()).isEqualTo(failed(NOT_A_NUMBER)).isPositive();
        assertThat(dry.path("wouldFailMapping").asInt()).isEqualTo(dry.path("records").asInt());
        assertThat(dry.path("samples").get(0).path("wouldFail").asText()).isEqualTo(NOT_A_NUMBER);
        JsonNode unavailable = post("dead-letters/replay", Map.of("entity", "addresses", "reason", UNAVAILABLE, "dryRun", true));
        assertThat(unavailable.path("wouldSend").asInt()).isEqualTo(failed(UNAVAILABLE)).isPositive();
        assertThat(unavailable.path("samples").get(0).path("wouldSend").path("legacyId").isNumber()).isTrue();
        assertThat(sandbox.requests()).hasSize(requests);
    }

    @Test
    void replayingOneFingerprintMigratesItsRecordsAndEmptiesTheirDeadLetters() throws Exception {
        int unavailable = failed(UNAVAILABLE);
        assertThat(unavailable).isPositive();

        post("dead-letters/replay", Map.of("entity", "addresses", "reason", UNAVAILABLE, "rate", 500));

        await().atMost(Duration.ofMinutes(1)).until(() -> splice.ledger().queryForObject("select count(*) from "
                + "splice_run where kind = 'REPLAY' and status = 'COMPLETED'", Integer.class) == 1);
        assertThat(failed(UNAVAILABLE)).isZero();
        // every replayed record reached the target: migrated, or (bad data the 503 had hidden) rejected with a 422
        List<Map<String, Object>> replayed = splice.ledger().queryForList("select r.status, r.http_status from "
                + "splice_record r join splice_run u on u.run_id = r.run_id where u.kind = 'REPLAY'");
        assertThat(replayed).hasSize(unavailable)
                .allMatch(r -> "MIGRATED".equals(r.get("status")) || Integer.valueOf(422).equals(r.get("http_status")));
        assertThat(replayed).filteredOn(r -> "MIGRATED".equals(r.get("status"))).hasSizeGreaterThan(unavailable / 2);
        assertThat(DeadLetters.browse(splice.brokerConnections(), "DLQ.splice.addresses"))
                .noneMatch(letter -> letter.reason().equals(UNAVAILABLE))
                .anyMatch(letter -> letter.reason().equals(NOT_A_NUMBER));
        assertThat(failed(NOT_A_NUMBER)).isPositive();
    }

    @Test
    void aDiscardRecordsWhyAndTakesTheRecordsOutOfTheDeadLetters() throws Exception {
        int bad = failed(NOT_A_NUMBER);

        JsonNode discarded = post("dead-letters/discard", Map.of("entity", "addresses", "reason", NOT_A_NUMBER,
                "why", "house numbers like 12-14 are fixed by hand in the new system"));

        assertThat(discarded.path("records").asInt()).isEqualTo(bad);
        assertThat(discarded.path("sourceKeys")).hasSize(bad);
        assertThat(discarded.path("deadLettersRemoved").asInt()).isEqualTo(bad);
        List<String> notes = splice.ledger().queryForList("select error_message from splice_record where status = "
                + "'DISCARDED'", String.class);
        assertThat(notes).hasSize(bad).allMatch(note -> note.equals(
                "discarded by an operator: house numbers like 12-14 are fixed by hand in the new system"));
        assertThat(DeadLetters.browse(splice.brokerConnections(), "DLQ.splice.addresses"))
                .noneMatch(letter -> letter.reason().equals(NOT_A_NUMBER));
        // and a later run leaves them DISCARDED: an operator's decision is not undone by sending them again
        int sentBefore = sandbox.requests().size();
        splice.run();
        assertThat(splice.ledger().queryForObject("select count(*) from splice_record where status = 'DISCARDED'",
                Integer.class)).isEqualTo(bad);
        List<String> discardedKeys = splice.ledger().queryForList("select 'addresses:' || source_key from splice_record"
                + " where status = 'DISCARDED'", String.class);
        assertThat(sandbox.requests().subList(sentBefore, sandbox.requests().size()))
                .noneMatch(r -> r.idempotencyKey() != null && discardedKeys.stream().anyMatch(r.idempotencyKey()::endsWith));
        JsonNode noWhy = JSON.readTree(send("dead-letters/discard", Map.of("entity", "addresses", "reason", UNAVAILABLE)).body());
        assertThat(noWhy.path("status").asInt()).isEqualTo(400);
        assertThat(noWhy.path("message").asText()).startsWith("why: required");
    }

    private int failed(String reason) {
        Integer n = splice.ledger().queryForObject("select count(*) from splice_record where status = 'FAILED' and "
                + "reason = ?", Integer.class, reason);
        return n == null ? 0 : n;
    }

    private JsonNode post(String path, Map<String, Object> body) throws Exception {
        HttpResponse<String> answer = send(path, body);
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> send(String path, Map<String, Object> body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api + path))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(OPS.getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
