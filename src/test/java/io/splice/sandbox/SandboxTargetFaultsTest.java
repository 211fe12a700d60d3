package io.splice.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SandboxTargetFaultsTest {

    private static final String INVOICE = "{\"total\":10}";

    private SandboxTarget target;
    private SandboxClient client;

    private void start(FaultSettings faults) throws IOException {
        target = SandboxTarget.start(SandboxOptions.defaults().withFaults(faults));
        client = new SandboxClient(target);
    }

    @AfterEach
    void stopSandbox() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void unavailableRateOneAnswers503ToEveryApiRequest() throws IOException {
        start(FaultSettings.none().withUnavailableRate(1.0).withRetryAfterSeconds(7));

        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            responses.add(client.post("/api/v1/invoices", INVOICE, "key-" + i));
        }
        responses.add(client.get("/api/v1/invoices"));
        responses.add(client.get("/api/v1/invoices/invoices-1"));

        assertThat(responses).hasSize(12).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(Json.parse(response.body())).isEqualTo(Json.parse("{\"error\":\"unavailable\"}"));
        });
        assertThat(target.records("invoices")).isEmpty();
        assertThat(target.requests()).hasSize(12).allSatisfy(request -> assertThat(request.status()).isEqualTo(503));
        // The control endpoint stays reachable while the API is down
        assertThat(client.get("/sandbox/requests").statusCode()).isEqualTo(200);
    }

    @Test
    void unavailableWithoutRetryAfterOmitsTheHeader() throws IOException {
        start(FaultSettings.none().withUnavailableRate(1.0));

        HttpResponse<String> response = client.post("/api/v1/invoices", INVOICE);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void partialUnavailabilityIsReproducibleForASeed() throws IOException {
        FaultSettings faults = FaultSettings.none().withUnavailableRate(0.5).withSeed(42);
        start(faults);
        List<Integer> firstRun = statusesOf(40);
        target.updateFaults(faults);

        List<Integer> secondRun = statusesOf(40);

        assertThat(firstRun).containsOnly(201, 503).contains(201, 503);
        assertThat(secondRun).isEqualTo(firstRun);
        long created = firstRun.stream().filter(status -> status == 201).count()
                + secondRun.stream().filter(status -> status == 201).count();
        assertThat(target.records("invoices")).hasSize((int) created);
    }

    @Test
    void rateLimitRefusesTheExcessWithinOneSecondAndLogsEveryRequest() throws IOException {
        start(FaultSettings.none().withRateLimitPerSecond(10).withRetryAfterSeconds(2));

        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pending.add(client.postAsync("/api/v1/invoices", INVOICE, "key-" + i));
        }
        List<HttpResponse<String>> responses = pending.stream().map(CompletableFuture::join).collect(Collectors.toList());

        Map<Integer, Long> statuses = countByStatus(responses, HttpResponse::statusCode);
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 10L, 429, 20L));
        assertThat(responses).filteredOn(response -> response.statusCode() == 429).hasSize(20).allSatisfy(response -> {
            assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(Json.parse(response.body())).isEqualTo(Json.parse("{\"error\":\"rate_limited\"}"));
        });
        assertThat(target.records("invoices")).hasSize(10);
        List<ReceivedRequest> log = target.requests();
        assertThat(log).hasSize(30);
        assertThat(countByStatus(log, ReceivedRequest::status)).isEqualTo(statuses);
    }

    @Test
    void rateLimitAdmitsRequestsAgainOnceTheWindowHasPassed() throws IOException {
        start(FaultSettings.none().withRateLimitPerSecond(3));
        for (int i = 0; i < 4; i++) {
            client.post("/api/v1/invoices", INVOICE);
        }
        assertThat(target.requests()).extracting(ReceivedRequest::status).containsExactly(201, 201, 201, 429);
        assertThat(target.requests().get(3).responseBody()).contains("rate_limited");

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(400))
                .until(() -> client.post("/api/v1/invoices", INVOICE).statusCode() == 201);

        assertThat(target.records("invoices")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void burstAnswersTheRequestsAfterTheFirstNWith429ThenRecovers() throws IOException {
        start(FaultSettings.none().withBurst429(5, 3));

        List<Integer> statuses = statusesOf(10);

        assertThat(statuses).containsExactly(201, 201, 201, 201, 201, 429, 429, 429, 201, 201);
        assertThat(target.records("invoices")).hasSize(7);
        assertThat(target.requests()).extracting(ReceivedRequest::status).isEqualTo(statuses);
    }

    @Test
    void burst429AlwaysCarriesRetryAfterOfAtLeastOneSecond() throws IOException {
        start(FaultSettings.none().withBurst429(0, 1));

        HttpResponse<String> refused = client.post("/api/v1/invoices", INVOICE);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void latencyDelaysProcessedRequests() throws IOException {
        start(FaultSettings.none().withLatencyMillis(300));

        long started = System.nanoTime();
        HttpResponse<String> response = client.post("/api/v1/invoices", INVOICE);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void faultsCanBeSwitchedOnAndOffAtRuntime() throws IOException {
        start(FaultSettings.none());
        int before = client.post("/api/v1/invoices", INVOICE).statusCode();

        target.updateFaults(FaultSettings.none().withUnavailableRate(1.0));
        int during = client.post("/api/v1/invoices", INVOICE).statusCode();
        target.updateFaults(FaultSettings.none());
        int after = client.post("/api/v1/invoices", INVOICE).statusCode();

        assertThat(List.of(before, during, after)).containsExactly(201, 503, 201);
        assertThat(target.faults()).isEqualTo(FaultSettings.none());
        assertThat(target.records("invoices")).extracting(StoredRecord::id).containsExactly("invoices-1", "invoices-2");
    }

    private List<Integer> statusesOf(int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(client.post("/api/v1/invoices", INVOICE).statusCode());
        }
        return statuses;
    }

    private static <T> Map<Integer, Long> countByStatus(List<T> items, Function<T, Integer> status) {
        return items.stream().collect(Collectors.groupingBy(status, Collectors.counting()));
    }
}
