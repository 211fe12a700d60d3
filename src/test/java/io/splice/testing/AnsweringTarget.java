package io.splice.testing;

import java.io.IOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/** An HTTP server on a free local port that answers every request with 204: a target that can be reached. */
public final class AnsweringTarget implements AutoCloseable {

    private final HttpServer server;

    private AnsweringTarget(HttpServer server) {
        this.server = server;
    }

    public static AnsweringTarget start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return new AnsweringTarget(server);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
