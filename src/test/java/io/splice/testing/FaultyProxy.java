package io.splice.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile network between Splice and a target: an HTTP/1.1 proxy on a raw socket (so it can reset connections
 * and hold answers back) that asks a {@link Policy} what to do with each request and logs what it did.
 */
public final class FaultyProxy implements AutoCloseable {

    /** What happens to one request. */
    public enum Kind {
        /** forwarded, answered as the target answered */
        PASS,
        /** forwarded after {@code millis}, answered as the target answered */
        SLOW,
        /** 503 from the proxy, not forwarded */
        UNAVAILABLE,
        /** 429 with Retry-After {@code millis / 1000} s, not forwarded */
        RATE_LIMITED,
        /** forwarded (the target acts on it), the answer held back {@code millis}, then the connection closed */
        TIMEOUT_AFTER_TARGET,
        /** held {@code millis} without forwarding, then the connection closed */
        TIMEOUT_BEFORE_TARGET,
        /** a TCP reset before forwarding */
        RESET_BEFORE_TARGET,
        /** forwarded (the target acts on it), then a TCP reset instead of the answer */
        RESET_AFTER_TARGET,
        /** 200 with an HTML page, not forwarded */
        NOT_JSON,
        /** 201 with a JSON object without an id, not forwarded */
        NO_ID
    }

    public record Fault(Kind kind, long millis) {
        public static final Fault PASS = new Fault(Kind.PASS, 0);

        public static Fault of(Kind kind) {
            return new Fault(kind, 0);
        }

        public boolean forwarded() {
            return kind == Kind.PASS || kind == Kind.SLOW || kind == Kind.TIMEOUT_AFTER_TARGET || kind == Kind.RESET_AFTER_TARGET;
        }

        /** Whether the client gets the target's own answer. */
        public boolean answered() {
            return kind == Kind.PASS || kind == Kind.SLOW;
        }
    }

    /**
     * @param number         1-based arrival number at the proxy
     * @param attempt        1-based: how many requests with this idempotency key arrived so far, this one included
     * @param idempotencyKey the Idempotency-Key header, or null
     */
    public record Request(long number, long arrivedNanos, String method, String path, String idempotencyKey,
                          int attempt, String body) {
    }

    /** What the proxy did with a request; {@code targetStatus} is -1 when the target's answer never reached the client. */
    public record Handled(Request request, Fault fault, int targetStatus, long answeredNanos) {
    }

    @FunctionalInterface
    public interface Policy {
        Fault decide(Request request);
    }

    private static final Set<String> NOT_FORWARDED_HEADERS = Set.of("connection", "content-length", "host", "expect",
            "upgrade", "transfer-encoding", "keep-alive");

    private final ServerSocket server;
    private final URI upstream;
    private final Policy policy;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong arrivals = new AtomicLong();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final List<Handled> log = new ArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private FaultyProxy(ServerSocket server, URI upstream, Policy policy) {
        this.server = server;
        this.upstream = upstream;
        this.policy = policy;
    }

    public static FaultyProxy start(String upstreamBaseUrl, Policy policy) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        FaultyProxy proxy = new FaultyProxy(server, URI.create(upstreamBaseUrl), policy);
        Thread acceptor = new Thread(proxy::accept, "faulty-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Every request handled so far, in the order their handling ended. */
    public List<Handled> handled() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread worker = new Thread(() -> serve(socket), "faulty-proxy-conn");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("proxy accept failed", e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                RawRequest raw = RawRequest.read(in);
                if (raw == null) {
                    return;
                }
                if (!handle(socket, out, raw)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away (e.g. it timed out first): nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    /** @return whether the connection stays open for the next request */
    private boolean handle(Socket socket, OutputStream out, RawRequest raw) throws IOException, InterruptedException {
        long arrived = System.nanoTime();
        String key = raw.header("idempotency-key");
        int attempt = key == null ? 1 : attempts.merge(key, 1, Integer::sum);
        Request request = new Request(arrivals.incrementAndGet(), arrived, raw.method, raw.path, key, attempt,
                new String(raw.body, StandardCharsets.UTF_8));
        Fault fault = policy.decide(request);
        switch (fault.kind()) {
            case RESET_BEFORE_TARGET -> {
                record(request, fault, -1);
                reset(socket);
                return false;
            }
            case TIMEOUT_BEFORE_TARGET -> {
                Thread.sleep(fault.millis());
                record(request, fault, -1);
                return false;
            }
            case UNAVAILABLE -> {
                record(request, fault, -1);
                answer(out, 503, Map.of(), "application/json", "{\"error\":\"unavailable\"}");
                return true;
            }
            case RATE_LIMITED -> {
                record(request, fault, -1);
                answer(out, 429, Map.of("Retry-After", String.valueOf(fault.millis() / 1000)), "application/json",
                        "{\"error\":\"rate_limited\"}");
                return true;
            }
            case NOT_JSON -> {
                record(request, fault, -1);
                answer(out, 200, Map.of(), "text/html", "<html><body>Maintenance window</body></html>");
                return true;
            }
            case NO_ID -> {
                record(request, fault, -1);
                answer(out, 201, Map.of(), "application/json", "{\"status\":\"created\"}");
                return true;
            }
            default -> {
                if (fault.kind() == Kind.SLOW) {
                    Thread.sleep(fault.millis());
                }
                HttpResponse<byte[]> answer = forward(raw);
                if (fault.kind() == Kind.RESET_AFTER_TARGET) {
                    record(request, fault, -1);
                    reset(socket);
                    return false;
                }
                if (fault.kind() == Kind.TIMEOUT_AFTER_TARGET) {
                    Thread.sleep(fault.millis());
                    record(request, fault, -1);
                    return false;
                }
                record(request, fault, answer.statusCode());
                Map<String, String> headers = new LinkedHashMap<>();
                answer.headers().map().forEach((name, values) -> {
                    if (!NOT_FORWARDED_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                        headers.put(name, values.get(0));
                    }
                });
                send(out, answer.statusCode(), headers, answer.body());
                return true;
            }
        }
    }

    private HttpResponse<byte[]> forward(RawRequest raw) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(upstream.resolve(raw.path)).timeout(Duration.ofSeconds(30))
                .method(raw.method, raw.body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(raw.body));
        raw.headers.forEach((name, value) -> {
            if (!NOT_FORWARDED_HEADERS.contains(name)) {
                builder.header(name, value);
            }
        });
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void record(Request request, Fault fault, int targetStatus) {
        synchronized (log) {
            log.add(new Handled(request, fault, targetStatus, System.nanoTime()));
        }
    }

    private static void reset(Socket socket) throws IOException {
        // SO_LINGER 0: close() sends RST instead of FIN
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private static void answer(OutputStream out, int status, Map<String, String> headers, String contentType, String body)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", contentType);
        send(out, status, all, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(OutputStream out, int status, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (SocketException ignored) {
                // already gone
            }
        }
    }

    /** One HTTP/1.1 request as read off the socket: lower-case header names, the body de-chunked. */
    private record RawRequest(String method, String path, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name);
        }

        /** @return null at the end of the stream (the client closed an idle keep-alive connection) */
        static RawRequest read(InputStream in) throws IOException {
            String requestLine = line(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return null;
            }
            String[] parts = requestLine.split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            byte[] body;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = chunked(in);
            } else {
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                body = in.readNBytes(length);
                if (body.length < length) {
                    throw new IOException("request body cut short");
                }
            }
            return new RawRequest(parts[0], parts[1], headers, body);
        }

        private static byte[] chunked(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                if (size == null) {
                    throw new IOException("chunked body cut short");
                }
                int length = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (length == 0) {
                    for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                        // trailers are dropped
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(length));
                line(in);
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    String text = bytes.toString(StandardCharsets.ISO_8859_1);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                bytes.write(b);
            }
            return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
