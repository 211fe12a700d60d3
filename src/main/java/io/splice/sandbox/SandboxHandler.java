package io.splice.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/** Turns each HTTP exchange into an {@link IncomingRequest}, routes it, logs it and writes the answer. */
final class SandboxHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxHandler.class);

    private final SandboxRouter router;
    private final RequestLog log;
    private final JsonResponses responses;
    private final Clock clock;

    SandboxHandler(SandboxRouter router, RequestLog log, JsonResponses responses, Clock clock) {
        this.router = router;
        this.log = log;
        this.responses = responses;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long arrivedNanos = System.nanoTime();
        Instant arrivedAt = clock.instant();
        long sequence = log.nextSequence();
        try {
            IncomingRequest request = new IncomingRequest(sequence, arrivedAt, arrivedNanos,
                    exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new RequestBody(exchange.getRequestBody()), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders()::getFirst);
            SandboxResponse response = answer(request);
            // Logged before writing, so a client that has its answer always finds it in the log
            // a search's query is part of what was asked: the log shows /api/v1/customers?email=…
            String logged = request.query() == null ? request.path() : request.path() + "?" + request.query();
            log.record(new ReceivedRequest(sequence, arrivedAt, arrivedNanos, request.method(), logged,
                    request.idempotencyKey(), request.body().forLog(), response.status(), response.body()));
            write(exchange, response);
        } finally {
            exchange.close();
        }
    }

    private SandboxResponse answer(IncomingRequest request) {
        try {
            return router.route(request);
        } catch (RuntimeException e) {
            LOG.error("Sandbox target failed on {} {}", request.method(), request.path(), e);
            return responses.error(500, "internal_error");
        }
    }

    private static void write(HttpExchange exchange, SandboxResponse response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
