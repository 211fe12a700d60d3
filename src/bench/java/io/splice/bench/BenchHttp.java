package io.splice.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hand-written contenders' POST: sent again (up to {@link #ATTEMPTS} times) when the connection failed under it.
 * The JDK's client now and then reuses a keep-alive connection the sandbox has just closed ("header parser received
 * no bytes"); one such request ended a whole benchmark run. Every request carries an Idempotency-Key, so the sandbox
 * does not take a resent record twice. How many were resent is printed, never hidden.
 */
final class BenchHttp {

    static final int ATTEMPTS = 3;

    private static final AtomicLong RESENT = new AtomicLong();

    private BenchHttp() {
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException failed) {
                if (attempt >= ATTEMPTS) {
                    throw failed;
                }
                RESENT.incrementAndGet();
            }
        }
    }

    /** A line for the child's output: how many requests went out again. */
    static String resentLine() {
        return "RESENT " + RESENT.get();
    }
}
