package io.splice.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxTargetDocumentsTest {

    private static final String TOKEN = "upload-token";
    private static final String PLAN_PDF = "/api/v1/projects/projects-1/documents/plan.pdf";
    // sha256("hello"), as any sha256sum prints it
    private static final String HELLO_SHA256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    private SandboxTarget target;
    private SandboxClient client;

    private void start(SandboxOptions options) throws IOException {
        target = SandboxTarget.start(options.withBearerToken(TOKEN));
        client = new SandboxClient(target, TOKEN);
    }

    @AfterEach
    void stopSandbox() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void aChunkedUploadIsStoredAsItsSizeAndSha256() throws IOException {
        start(SandboxOptions.defaults());
        long size = 3L * 1024 * 1024 + 17;

        HttpResponse<String> response = client.upload(PLAN_PDF, () -> new GeneratedBytes(size), null);

        String sha256 = GeneratedBytes.sha256Of(size);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(Json.parse(response.body())).isEqualTo(Json.parse("{\"id\":\"documents-1\",\"projectId\":\"projects-1\","
                + "\"filename\":\"plan.pdf\",\"size\":" + size + ",\"sha256\":\"" + sha256 + "\"}"));
        assertThat(target.records("documents")).singleElement().satisfies(document -> {
            assertThat(document.id()).isEqualTo("documents-1");
            assertThat(document.body()).containsEntry("projectId", "projects-1").containsEntry("filename", "plan.pdf")
                    .containsEntry("size", size).containsEntry("sha256", sha256);
        });
        assertThat(target.requests()).singleElement().satisfies(logged -> {
            assertThat(logged.method()).isEqualTo("PUT");
            assertThat(logged.path()).isEqualTo(PLAN_PDF);
            assertThat(logged.status()).isEqualTo(201);
            assertThat(logged.body()).isEqualTo("(" + size + " bytes)");
        });
    }

    @Test
    void aKnownContentGetsItsWellKnownDigestAndCanBeReadBack() throws IOException {
        start(SandboxOptions.defaults());

        HttpResponse<String> uploaded = client.upload("/api/v1/projects/projects-7/documents/Schouw%20rapport%20(v2).txt",
                "hello".getBytes(StandardCharsets.UTF_8), null);
        HttpResponse<String> readBack = client.get("/api/v1/documents/documents-1");

        assertThat(uploaded.statusCode()).isEqualTo(201);
        assertThat(Json.parse(readBack.body())).isEqualTo(Json.parse("{\"id\":\"documents-1\",\"projectId\":\"projects-7\","
                + "\"filename\":\"Schouw rapport (v2).txt\",\"size\":5,\"sha256\":\"" + HELLO_SHA256 + "\"}"));
        assertThat(target.requests().get(0).body()).isEqualTo("(5 bytes)");
    }

    @Test
    void aRepeatedUploadWithTheSameKeyAnswersTheFirstRecord() throws IOException {
        start(SandboxOptions.defaults());

        HttpResponse<String> first = client.upload(PLAN_PDF, () -> new GeneratedBytes(1000), "doc-key");
        HttpResponse<String> again = client.upload(PLAN_PDF, () -> new GeneratedBytes(1000), "doc-key");
        HttpResponse<String> otherContent = client.upload(PLAN_PDF, "hello".getBytes(StandardCharsets.UTF_8), "doc-key");
        HttpResponse<String> otherKey = client.upload(PLAN_PDF, () -> new GeneratedBytes(1000), "other-key");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue(CollectionApi.REPLAYED_HEADER)).isEmpty();
        assertThat(List.of(again, otherContent)).allSatisfy(replay -> {
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(replay.headers().firstValue(CollectionApi.REPLAYED_HEADER)).hasValue("true");
            assertThat(Json.parse(replay.body())).isEqualTo(Json.parse(first.body()));
        });
        assertThat(Json.parse(otherKey.body()).get("id").asText()).isEqualTo("documents-2");
        assertThat(target.records("documents")).extracting(StoredRecord::idempotencyKey).containsExactly("doc-key", "other-key");
        assertThat(target.requests()).extracting(ReceivedRequest::idempotencyKey)
                .containsExactly("doc-key", "doc-key", "doc-key", "other-key");
        assertThat(target.requests()).extracting(ReceivedRequest::body)
                .containsExactly("(1000 bytes)", "(1000 bytes)", "(5 bytes)", "(1000 bytes)");
    }

    @Test
    void anUploadAboveTheLimitIsAnswered413AndNotStored() throws IOException {
        start(SandboxOptions.defaults().withMaxDocumentBytes(1000));

        HttpResponse<String> atLimit = client.upload(PLAN_PDF, () -> new GeneratedBytes(1000), null);
        HttpResponse<String> chunkedOver = client.upload(PLAN_PDF, () -> new GeneratedBytes(200_000), null);
        HttpResponse<String> sizedOver = client.upload(PLAN_PDF, new byte[1001], null);

        assertThat(atLimit.statusCode()).isEqualTo(201);
        assertThat(chunkedOver.statusCode()).isEqualTo(413);
        assertThat(Json.parse(chunkedOver.body())).isEqualTo(Json.parse(
                "{\"error\":\"payload_too_large\",\"reason\":\"document is 200000 bytes, more than the 1000 accepted\"}"));
        assertThat(sizedOver.statusCode()).isEqualTo(413);
        assertThat(target.records("documents")).extracting(StoredRecord::id).containsExactly("documents-1");
        assertThat(target.requests()).extracting(ReceivedRequest::status).containsExactly(201, 413, 413);
        assertThat(target.requests()).extracting(ReceivedRequest::body).containsExactly("(1000 bytes)", "(200000 bytes)", "(1001 bytes)");
    }

    @Test
    void uploadsNeedTheTokenAndPassFaultInjectionLikeCollectionCalls() throws IOException {
        start(SandboxOptions.defaults().withFaults(FaultSettings.none().withBurst429(1, 1)));

        int withoutToken = new SandboxClient(target).upload(PLAN_PDF, () -> new GeneratedBytes(4000), null).statusCode();
        int first = client.upload(PLAN_PDF, () -> new GeneratedBytes(4000), "k-1").statusCode();
        int inBurst = client.upload(PLAN_PDF, () -> new GeneratedBytes(4000), "k-2").statusCode();
        target.updateFaults(FaultSettings.none().withUnavailableRate(1.0));
        int unavailable = client.upload(PLAN_PDF, () -> new GeneratedBytes(4000), "k-2").statusCode();
        target.updateFaults(FaultSettings.none());
        int retried = client.upload(PLAN_PDF, () -> new GeneratedBytes(4000), "k-2").statusCode();

        assertThat(List.of(withoutToken, first, inBurst, unavailable, retried)).containsExactly(401, 201, 429, 503, 201);
        assertThat(target.records("documents")).extracting(StoredRecord::idempotencyKey).containsExactly("k-1", "k-2");
        List<ReceivedRequest> log = target.requests();
        assertThat(log).extracting(ReceivedRequest::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(log).extracting(ReceivedRequest::status).containsExactly(401, 201, 429, 503, 201);
        // Refused uploads are read to their end too, and logged by size only
        assertThat(log).extracting(ReceivedRequest::body).containsOnly("(4000 bytes)");
    }

    @Test
    void otherMethodsOnADocumentPathAnswer404() throws IOException {
        start(SandboxOptions.defaults());

        HttpResponse<String> get = client.get(PLAN_PDF);
        HttpResponse<String> post = client.post(PLAN_PDF, "{}");

        assertThat(List.of(get, post)).extracting(HttpResponse::statusCode).containsExactly(404, 404);
        assertThat(target.records("documents")).isEmpty();
        assertThat(target.requests()).extracting(ReceivedRequest::body).containsExactly("(0 bytes)", "(2 bytes)");
    }
}
