package io.splice.sandbox;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 that stands in for the new system's API: it validates, stores and
 * answers like the target would, injects faults on demand and records every request it receives.
 */
public final class SandboxTarget implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxTarget.class);
    // Room for a burst of concurrent connects while all handler threads are busy
    private static final int BACKLOG = 256;
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes headers and body separately; with Nagle on, delayed ACKs add ~40 ms per response
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final SandboxParts parts;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SandboxTarget(HttpServer server, ExecutorService pool, SandboxParts parts) {
        this.server = server;
        this.pool = pool;
        this.parts = parts;
    }

    public static SandboxTarget start(SandboxOptions options) throws IOException {
        return start(options, Clock.systemUTC());
    }

    /**
     * Starts a sandbox that reads time from the given clock: arrival times in the request log, record creation
     * times and when planboard jobs are done. Tests pass a clock they can move forward.
     */
    public static SandboxTarget start(SandboxOptions options, Clock clock) throws IOException {
        SandboxParts parts = new SandboxParts(options, clock);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(options.bindAddress()), options.port());
        HttpServer server;
        if (options.tls() == null) {
            server = HttpServer.create(address, BACKLOG);
        } else {
            HttpsServer https = HttpsServer.create(address, BACKLOG);
            https.setHttpsConfigurator(new HttpsConfigurator(options.tls().sslContext()));
            server = https;
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), handlerThreads());
        server.createContext("/", parts.handler);
        server.setExecutor(pool);
        server.start();
        SandboxTarget target = new SandboxTarget(server, pool, parts);
        LOG.info("Sandbox target listening on {} with {}", target.baseUrl(), options);
        return target;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + port();
    }

    /** How the API checks its callers (OAuth2 tokens, API key, Basic); a static bearer token by default. */
    public SandboxAuthentication authentication() {
        return parts.authentication;
    }

    /** Snapshot of every request received, in arrival order. */
    public List<ReceivedRequest> requests() {
        return parts.log.snapshot();
    }

    /** Snapshot of the records created in a collection, in order of creation; empty for an unknown collection. */
    public List<StoredRecord> records(String collection) {
        return parts.store.records(collection);
    }

    /** The record created with this id (as answered in its 201), or empty if the collection holds none. */
    public Optional<StoredRecord> record(String collection, String id) {
        return parts.store.findById(collection, id);
    }

    /**
     * A user of the new system changes a field of a stored record (the target is live while Splice migrates): what
     * the reconciliation's read-back must notice.
     */
    public Optional<StoredRecord> edit(String collection, String id, String field, Object value) {
        return parts.store.edit(collection, id, field, value);
    }

    /** Replaces fault injection from the next request on; the burst count, rate window and random restart. */
    public void updateFaults(FaultSettings newFaults) {
        parts.faults.update(newFaults);
        LOG.info("Sandbox target faults now {}", newFaults);
    }

    /** Replaces how the API behaves (validation answers, search shape, idempotency) from the next request on. */
    public void updateApi(ApiBehaviour behaviour) {
        parts.api.set(java.util.Objects.requireNonNull(behaviour, "behaviour"));
        LOG.info("Sandbox target API now {}", behaviour);
    }

    public ApiBehaviour api() {
        return parts.api.get();
    }

    public FaultSettings faults() {
        return parts.faults.settings();
    }

    /** The ids of the active workflows, as GET /api/v1/workflows/active answers them. */
    public List<String> activeWorkflows() {
        return parts.settings.activeWorkflows();
    }

    /** Whether the new system sends e-mail, as GET /api/v1/settings/email answers it. */
    public boolean emailEnabled() {
        return parts.settings.emailEnabled();
    }

    /** Every planboard job started so far (one per project created), in order of start. */
    public List<PlanboardJob> planboardJobs() {
        return parts.jobs.snapshot();
    }

    /** When the last planboard job is (or will be) done, by the sandbox's clock; empty while no project was created. */
    public Optional<Instant> lastPlanboardJobDoneAt() {
        return parts.jobs.lastDoneAt();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        int port = port();
        server.stop(0);
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Sandbox target handler threads did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debug("Sandbox target on port {} stopped", port);
    }

    private static ThreadFactory handlerThreads() {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sandbox-target-" + number.incrementAndGet());
            // Never keeps a JVM alive that forgot to close the sandbox
            thread.setDaemon(true);
            return thread;
        };
    }
}
