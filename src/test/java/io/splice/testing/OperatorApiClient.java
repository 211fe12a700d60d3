package io.splice.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operator API as a test calls it: one operator user (a users file only its owner reads), a free port, and
 * requests with that user's credentials. {@link #properties()} are what Splice needs to serve it.
 */
public final class OperatorApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "ops";
    private static final String PASSWORD = "api-ops-pw";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Path usersFile;
    private final int port;

    private OperatorApiClient(Path usersFile, int port) {
        this.usersFile = usersFile;
        this.port = port;
    }

    public static OperatorApiClient in(Path workDir) throws IOException {
        Path users = ManagementUsersFile.write(workDir, PASSWORD);
        try (ServerSocket socket = new ServerSocket(0)) {
            return new OperatorApiClient(users, socket.getLocalPort());
        }
    }

    public Map<String, String> properties() {
        return Map.of("splice.management.users-file", usersFile.toString(),
                "camel.management.port", String.valueOf(port));
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String body) throws Exception {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> put(String path, String body) throws Exception {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> post(String path, Map<String, ?> body) throws Exception {
        return post(path, JSON.writeValueAsString(body));
    }

    /** A successful answer's JSON (fails on any other status, showing the answer). */
    public JsonNode ok(HttpResponse<String> answer) throws IOException {
        if (answer.statusCode() < 200 || answer.statusCode() > 299) {
            throw new AssertionError("expected a 2xx answer, got " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    public static JsonNode json(HttpResponse<String> answer) throws IOException {
        return JSON.readTree(answer.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/" + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
