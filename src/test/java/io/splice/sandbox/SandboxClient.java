package io.splice.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A plain HTTP/1.1 client for a started sandbox, so tests read as requests and answers. */
final class SandboxClient {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;
    private final String bearerToken;

    SandboxClient(SandboxTarget target) {
        this(target, null);
    }

    SandboxClient(SandboxTarget target, String bearerToken) {
        this.baseUrl = target.baseUrl();
        this.bearerToken = bearerToken;
    }

    HttpResponse<String> post(String path, String json) {
        return post(path, json, null);
    }

    HttpResponse<String> post(String path, String json, String idempotencyKey) {
        return send(postRequest(path, json, idempotencyKey));
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String json, String idempotencyKey) {
        return http.sendAsync(postRequest(path, json, idempotencyKey), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A raw upload of unknown length, so the client sends it with chunked transfer encoding. */
    HttpResponse<String> upload(String path, Supplier<InputStream> body, String idempotencyKey) {
        return send(uploadRequest(path, idempotencyKey).PUT(HttpRequest.BodyPublishers.ofInputStream(body)).build());
    }

    /** A raw upload with a Content-Length. */
    HttpResponse<String> upload(String path, byte[] body, String idempotencyKey) {
        return send(uploadRequest(path, idempotencyKey).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        return builder;
    }

    private HttpRequest.Builder uploadRequest(String path, String idempotencyKey) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/octet-stream");
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return builder;
    }

    private HttpRequest postRequest(String path, String json, String idempotencyKey) {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return builder.build();
    }
}
