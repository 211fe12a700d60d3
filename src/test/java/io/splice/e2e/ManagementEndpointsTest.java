package io.splice.e2e;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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

/** Health, Prometheus metrics and Jolokia (Hawtio's way in): served only to the management users. */
class ManagementEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPS = "ops:s3cret-ops-pw";
    private static final String ROUTE = "org.apache.camel:context=splice,type=routes,name=\"load-addresses\"";

    @TempDir
    Path workDir;

    private TestStack stack;
    private SpliceUnderTest splice;
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        new SampleDataGenerator(5, 0.1).generate(stack.source().dataSource());
        Path users = ManagementUsersFile.write(workDir);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port + "/observe/";
        SandboxTarget sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
        splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, Map.of(
                "splice.management.users-file", users.toString(), "camel.management.port", String.valueOf(port),
                "camel.main.jmx-enabled", "true", "splice.load.rate", "1000")));
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void anonymousAndWrongPasswordsAreRefusedEverywhere() throws Exception {
        for (String path : new String[] {"health", "metrics", "jolokia/version"}) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, "ops:wrong").statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, "ops:s3cret-ops-pw").statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void splicesSaysWhereItsEndpointsReallyListen() {
        // what `run --serve` prints: the bound address and the port actually taken
        assertThat(splice.runtime().endpoints()).singleElement().asString()
                .startsWith(base.replace("/observe/", "") + " ");
    }

    @Test
    void healthNamesTheLedgerSourceBrokerAndTarget() throws Exception {
        JsonNode health = JSON.readTree(get("health", "ops:s3cret-ops-pw").body());

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("checks").findValuesAsText("name")).contains("database-ledger", "database-source",
                "broker", "target");
    }

    @Test
    void metricsCountRecordsByTenantEntityAndOutcome() throws Exception {
        splice.run();

        String metrics = get("metrics", "ops:s3cret-ops-pw").body();

        assertThat(metrics).containsPattern("splice_records_total\\{[^}]*entity=\"addresses\"[^}]*outcome=\"migrated\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("splice_records_total\\{[^}]*outcome=\"failed\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("splice_target_seconds_count\\{[^}]*entity=\"addresses\"[^}]*status=\"2xx\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("splice_target_seconds_bucket\\{");
        assertThat(metrics).containsPattern("splice_throttle_wait_seconds_count\\{[^}]*entity=\"addresses\"[^}]*} [1-9]");
        // Camel's timers per route (the load route saw every record); none for the whole context on top (issue 7)
        assertThat(metrics).containsPattern("camel_route_policy_seconds_count\\{[^}]*routeId=\"load-addresses\"[^}]*} [1-9]");
        assertThat(metrics).doesNotContain("eventType=\"context\"");
    }

    @Test
    void metricsTellWhatWaitsOnTheBrokerPerQueue() throws Exception {
        splice.run();
        int deadLetters = DeadLetters.browse(splice.brokerConnections(), "DLQ.splice.addresses").size();
        assertThat(deadLetters).as("the sample's bad addresses").isPositive();

        String metrics = get("metrics", OPS).body();

        assertThat(metrics).contains("splice_queue_messages{queue=\"DLQ.splice.addresses\"} " + deadLetters + ".0")
                .contains("splice_queue_messages{queue=\"splice.addresses\"} 0.0");
    }

    @Test
    void throughJolokiaAnOperatorStopsAndStartsAnEntitysLoadRouteAsHawtioDoes() throws Exception {
        assertThat(read("State")).isEqualTo("Started");

        assertThat(exec("stop").statusCode()).isEqualTo(200);
        assertThat(read("State")).isEqualTo("Stopped");
        assertThat(exec("start").statusCode()).isEqualTo(200);
        assertThat(read("State")).isEqualTo("Started");
    }

    @Test
    void rateAndConcurrencyAreAttributesAndOperationsOfAnMBeanAndTheApi() throws Exception {
        String controls = encode("org.apache.camel:context=splice,type=services,name=EntityControls");
        JsonNode rates = JSON.readTree(get("jolokia/read/" + controls + "/Rates", OPS).body());
        assertThat(rates.path("value").path("addresses").asInt()).isEqualTo(1000);

        get("jolokia/exec/" + controls + "/setRate/addresses/25", OPS);
        get("jolokia/exec/" + controls + "/setConcurrency/addresses/2", OPS);

        assertThat(JSON.readTree(get("jolokia/read/" + controls + "/Rates", OPS).body()).path("value").path("addresses")
                .asInt()).isEqualTo(25);
        assertThat(JSON.readTree(get("jolokia/read/" + controls + "/Concurrency", OPS).body()).path("value")
                .path("addresses").asInt()).isEqualTo(2);
        HttpResponse<String> viaApi = api("PUT", "entities/addresses/concurrency", "{\"concurrency\": 3}", OPS);
        assertThat(JSON.readTree(viaApi.body()).path("concurrency").asInt()).isEqualTo(3);
        assertThat(api("PUT", "entities/addresses/concurrency", "{\"concurrency\": 0}", OPS).statusCode()).isEqualTo(400);
    }

    @Test
    void theJvmsDiagnosticCommandsAreDeniedEvenToOperators() throws Exception {
        HttpResponse<String> answer = get("jolokia/exec/com.sun.management:type=DiagnosticCommand/vmFlags", "ops:s3cret-ops-pw");

        assertThat(JSON.readTree(answer.body()).path("status").asInt()).isEqualTo(403);
    }

    @Test
    void theApiRefusesAnonymousCallersAndReportsRunsProgressAndDeadLettersByFingerprint() throws Exception {
        assertThat(api("GET", "runs", null, null).statusCode()).isEqualTo(401);

        // given a run (started through the API) that finished
        HttpResponse<String> started = api("POST", "runs", "{}", OPS);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(1)).until(() -> JSON.readTree(api("GET", "runs", null, OPS).body())
                .findValuesAsText("status").contains("COMPLETED"));

        // then its report, the progress and the dead letters are there
        JsonNode runs = JSON.readTree(api("GET", "runs", null, OPS).body());
        String runId = runs.get(0).path("runId").asText();
        JsonNode report = JSON.readTree(api("GET", "runs/" + runId, null, OPS).body());
        assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
        JsonNode progress = JSON.readTree(api("GET", "progress", null, OPS).body());
        assertThat(progress.get(0).path("entity").asText()).isEqualTo("addresses");
        assertThat(progress.get(0).path("migrated").asLong()).isPositive();
        assertThat(progress.get(0).path("total").asLong()).isEqualTo(200);
        JsonNode deadLetters = JSON.readTree(api("GET", "dead-letters", null, OPS).body());
        assertThat(deadLetters.findValuesAsText("reason")).contains("mapping houseNumber: is not a whole number");
        assertThat(api("GET", "runs/no-such-run", null, OPS).statusCode()).isEqualTo(404);
    }

    @Test
    void throughTheApiAnOperatorPausesResumesAndSlowsAnEntity() throws Exception {
        assertThat(JSON.readTree(api("POST", "entities/addresses/pause", "", OPS).body()).path("status").asText())
                .isEqualTo("Stopped");
        assertThat(read("State")).isEqualTo("Stopped");
        assertThat(JSON.readTree(api("POST", "entities/addresses/resume", "", OPS).body()).path("status").asText())
                .isEqualTo("Started");
        assertThat(JSON.readTree(api("PUT", "entities/addresses/rate", "{\"rate\": 7}", OPS).body()).path("rate").asInt())
                .isEqualTo(7);

        HttpResponse<String> unknown = api("POST", "entities/invoices/pause", "", OPS);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("message").asText()).startsWith("entity: Migration addresses has no entity 'invoices'");
        assertThat(api("PUT", "entities/addresses/rate", "{\"rate\": 0}", OPS).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> api(String method, String path, String body, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.replace("/observe/", "/api/") + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String read(String attribute) throws Exception {
        return JSON.readTree(get("jolokia/read/" + encode(ROUTE) + "/" + attribute, "ops:s3cret-ops-pw").body())
                .path("value").asText();
    }

    private HttpResponse<String> exec(String operation) throws Exception {
        return get("jolokia/exec/" + encode(ROUTE) + "/" + operation + "()", "ops:s3cret-ops-pw");
    }

    private static String encode(String mbean) {
        return URLEncoder.encode(mbean, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
