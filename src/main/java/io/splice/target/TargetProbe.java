package io.splice.target;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;

import javax.sql.DataSource;

import io.splice.tls.TargetTrust;

/** Asks whether a target answers again, without sending a record. */
@FunctionalInterface
public interface TargetProbe {

    int TIMEOUT_SECONDS = 5;

    boolean answers();

    /**
     * A GET of the target's URL: any answer but 5xx, 408 and 429 counts (a 404 or a 401
     * still means a server that works is there).
     */
    static TargetProbe http(String url, TargetTrust trust) {
        // HTTP/1.1: no h2c upgrade dance with a target or proxy that only speaks 1.1
        HttpClient client = trust.httpClient().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .GET().build();
        return () -> {
            try {
                int status = client.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
                return !TargetResponse.isTransient(status);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                return false;
            }
        };
    }

    /** The new system's database: a connection from the pool that says it is valid. */
    static TargetProbe sql(DataSource target) {
        return () -> {
            try (Connection connection = target.getConnection()) {
                return connection.isValid(TIMEOUT_SECONDS);
            } catch (Exception e) {
                return false;
            }
        };
    }
}
