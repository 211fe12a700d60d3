package io.splice.api;

/**
 * The operator API's maxima, in one place: the request records declare them (and so the OpenAPI document), the
 * reader enforces them, and docs/operator-api.md explains them.
 */
public final class ApiLimits {

    /**
     * Requests per throttle period of an entity. Camel's Throttle (TotalRequests) holds one permit object per request
     * of the period, so a rate of 10,000,000 allocated ten million permits and ended the JVM (-Xmx256m) with an
     * OutOfMemoryError; 10,000 permits are under a megabyte per tenant.
     */
    public static final int MAX_RATE = 10_000;
    public static final String MAX_RATE_TEXT = "10000";
    /** Consumers of an entity's queue: each is a thread, a JMS session and, while it works, a ledger connection. */
    public static final int MAX_CONCURRENCY = 64;
    public static final String MAX_CONCURRENCY_TEXT = "64";
    /** Source keys named in one replay or discard. */
    public static final int MAX_SOURCE_KEYS = 1_000;
    /** FAILED records one replay or discard touches (in source-key order; the answer says whether more match). */
    public static final int MAX_SELECTED = 10_000;
    /** A request body, in bytes (also camel.server.maxBodySize: larger bodies are refused before they are read). */
    public static final int MAX_BODY_BYTES = 65_536;
    /** Names, tenants, reasons and keys. */
    public static final int MAX_NAME = 100;
    public static final int MAX_KEY = 200;
    public static final int MAX_REASON = 1_000;
    public static final int MAX_WHY = 2_000;
    public static final int MAX_PARAMETERS = 100;

    private ApiLimits() {
    }
}
