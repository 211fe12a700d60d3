package io.splice.sandbox;

import java.util.Objects;

/**
 * How to start a {@link SandboxTarget}.
 *
 * @param port               TCP port on 127.0.0.1; 0 picks a free one
 * @param faults             fault injection in effect from the first request
 * @param bearerToken        token every /api/v1 request must present as {@code Authorization: Bearer <token>}; null = no auth
 * @param threads            size of the fixed pool that handles requests
 * @param bindAddress        where to listen: 127.0.0.1 (the default) or 0.0.0.0 inside a container
 * @param planboardJobMillis how long the planboard job a new project starts stays RUNNING; 0 = done at once
 * @param maxDocumentBytes   largest document upload accepted; larger ones are answered 413
 * @param tls                serve https with this key store; null = plain http
 * @param api                how the API behaves where real APIs differ (validation answers, search, idempotency)
 */
public record SandboxOptions(int port, FaultSettings faults, String bearerToken, int threads, String bindAddress,
                             long planboardJobMillis, long maxDocumentBytes, SandboxTls tls, ApiBehaviour api) {

    public static final int DEFAULT_THREADS = 16;
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 50L * 1024 * 1024;

    public SandboxOptions {
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(bindAddress, "bindAddress");
        api = api == null ? ApiBehaviour.defaults() : api;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (planboardJobMillis < 0) {
            throw new IllegalArgumentException("planboardJobMillis must not be negative, was " + planboardJobMillis);
        }
        if (maxDocumentBytes < 0) {
            throw new IllegalArgumentException("maxDocumentBytes must not be negative, was " + maxDocumentBytes);
        }
    }

    public static SandboxOptions defaults() {
        return new SandboxOptions(0, FaultSettings.none(), null, DEFAULT_THREADS, "127.0.0.1", 0L, DEFAULT_MAX_DOCUMENT_BYTES,
                null, ApiBehaviour.defaults());
    }

    public SandboxOptions withPort(int value) {
        return new SandboxOptions(value, faults, bearerToken, threads, bindAddress, planboardJobMillis, maxDocumentBytes, tls, api);
    }

    public SandboxOptions withFaults(FaultSettings value) {
        return new SandboxOptions(port, value, bearerToken, threads, bindAddress, planboardJobMillis, maxDocumentBytes, tls, api);
    }

    public SandboxOptions withBearerToken(String value) {
        return new SandboxOptions(port, faults, value, threads, bindAddress, planboardJobMillis, maxDocumentBytes, tls, api);
    }

    public SandboxOptions withThreads(int value) {
        return new SandboxOptions(port, faults, bearerToken, value, bindAddress, planboardJobMillis, maxDocumentBytes, tls, api);
    }

    public SandboxOptions withBindAddress(String value) {
        return new SandboxOptions(port, faults, bearerToken, threads, value, planboardJobMillis, maxDocumentBytes, tls, api);
    }

    public SandboxOptions withPlanboardJobMillis(long value) {
        return new SandboxOptions(port, faults, bearerToken, threads, bindAddress, value, maxDocumentBytes, tls, api);
    }

    public SandboxOptions withMaxDocumentBytes(long value) {
        return new SandboxOptions(port, faults, bearerToken, threads, bindAddress, planboardJobMillis, value, tls, api);
    }

    public SandboxOptions withTls(SandboxTls value) {
        return new SandboxOptions(port, faults, bearerToken, threads, bindAddress, planboardJobMillis, maxDocumentBytes, value, api);
    }

    public SandboxOptions withApi(ApiBehaviour value) {
        return new SandboxOptions(port, faults, bearerToken, threads, bindAddress, planboardJobMillis, maxDocumentBytes, tls,
                value);
    }

    /** Keeps the token out of logs and test failure messages. */
    @Override
    public String toString() {
        return "SandboxOptions[port=" + port + ", faults=" + faults
                + ", bearerToken=" + (bearerToken == null ? "none" : "***") + ", threads=" + threads + ", bindAddress=" + bindAddress
                + ", planboardJobMillis=" + planboardJobMillis + ", maxDocumentBytes=" + maxDocumentBytes
                + ", tls=" + (tls == null ? "none" : tls) + ", api=" + api + "]";
    }
}
