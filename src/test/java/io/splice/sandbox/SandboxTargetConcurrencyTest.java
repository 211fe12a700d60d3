package io.splice.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxTargetConcurrencyTest {

    private static final String INVOICE = "{\"total\":10}";
    private static final int CONCURRENT_POSTS = 40;

    private SandboxTarget target;
    private SandboxClient client;

    @BeforeEach
    void startSandbox() throws IOException {
        // Latency keeps every request in flight at once, so they really race
        target = SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none().withLatencyMillis(100)));
        client = new SandboxClient(target);
    }

    @AfterEach
    void stopSandbox() {
        target.close();
    }

    @Test
    void concurrentPostsWithOneIdempotencyKeyCreateExactlyOneRecord() {
        List<HttpResponse<String>> responses = postConcurrently(i -> "same-key");

        assertThat(responses).filteredOn(response -> response.statusCode() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.statusCode() == 200).hasSize(CONCURRENT_POSTS - 1)
                .allSatisfy(response -> assertThat(response.headers().firstValue("Idempotent-Replayed")).hasValue("true"));
        assertThat(responses).extracting(response -> Json.parse(response.body()).get("id").asText()).containsOnly("invoices-1");
        assertThat(target.records("invoices")).hasSize(1);
        assertThat(target.requests()).hasSize(CONCURRENT_POSTS);
    }

    @Test
    void concurrentPostsWithDistinctKeysGetDistinctSequentialIds() {
        List<HttpResponse<String>> responses = postConcurrently(i -> "key-" + i);

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(201));
        List<String> expectedIds = IntStream.rangeClosed(1, CONCURRENT_POSTS).mapToObj(n -> "invoices-" + n).collect(Collectors.toList());
        assertThat(responses).extracting(response -> Json.parse(response.body()).get("id").asText())
                .containsExactlyInAnyOrderElementsOf(expectedIds);
        assertThat(target.records("invoices")).extracting(StoredRecord::id).containsExactlyElementsOf(expectedIds);
    }

    private List<HttpResponse<String>> postConcurrently(IntFunction<String> keyOf) {
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_POSTS; i++) {
            pending.add(client.postAsync("/api/v1/invoices", INVOICE, keyOf.apply(i)));
        }
        return pending.stream().map(CompletableFuture::join).collect(Collectors.toList());
    }
}
