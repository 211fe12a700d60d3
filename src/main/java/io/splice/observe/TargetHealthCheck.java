package io.splice.observe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.splice.tls.TargetTrust;
import io.splice.tls.TlsFailures;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Whether the target answers at all (any HTTP status counts): a readiness check only — records wait and are retried
 * while it is down, Splice itself is not broken.
 */
public class TargetHealthCheck extends AbstractHealthCheck {

    private final HttpClient client;
    private final String url;

    public TargetHealthCheck(String url, TargetTrust trust) {
        super("splice", "target");
        this.url = url;
        this.client = trust.httpClient().connectTimeout(Duration.ofSeconds(3)).build();
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            builder.up().detail("status", answer.statusCode());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            builder.down().message("the target does not answer: " + TlsFailures.describe(e));
        }
    }
}
