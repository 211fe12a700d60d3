package io.splice.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's raw acceptance rate: POSTs of the same shape as the contenders', from many threads, nothing else.
 * Usage: {@code LoadGenerator TARGET_URL REQUESTS THREADS}; prints {@code RESULT <accepted> <seconds>}.
 */
public final class LoadGenerator {

    public static void main(String[] args) throws Exception {
        URI target = URI.create(args[0] + "/api/v1/items");
        long requests = Long.parseLong(args[1]);
        int threads = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong next = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        long started = System.nanoTime();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(() -> {
                long id;
                while ((id = next.incrementAndGet()) <= requests) {
                    String body = "{\"legacyId\":" + id + ",\"groupId\":" + (id % 64) + ",\"name\":\"item-" + id
                            + "\",\"amount\":12.30,\"createdAt\":\"2020-01-01T00:00:00Z\"}";
                    HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json").header("Idempotency-Key", "load:" + id)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    if (BenchHttp.send(http, request).statusCode() / 100 == 2) {
                        accepted.incrementAndGet();
                    }
                }
                return null;
            });
        }
        Workers.runAll(workers);
        System.out.println(BenchHttp.resentLine());
        System.out.println("RESULT " + accepted.get() + " " + (System.nanoTime() - started) / 1e9);
    }
}
