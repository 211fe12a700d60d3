package io.splice.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
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
    private final RequestLog log;
    private final RecordStore store;
    private final FaultInjector faults;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SandboxTarget(HttpServer server, ExecutorService pool, RequestLog log, RecordStore store, FaultInjector faults) {
        this.server = server;
        this.pool = pool;
        this.log = log;
        this.store = store;
        this.faults = faults;
    }

    public static SandboxTarget start(SandboxOptions options) throws IOException {
        Clock clock = Clock.systemUTC();
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        JsonResponses responses = new JsonResponses(mapper);
        RequestLog log = new RequestLog();
        RecordStore store = new RecordStore(clock);
        FaultInjector faults = new FaultInjector(options.faults());
        ApiGate gate = new ApiGate(new BearerTokenCheck(options.bearerToken()), faults, responses);
        CollectionApi api = new CollectionApi(mapper, store, ValidationRules.standard(), responses);
        SandboxHandler handler = new SandboxHandler(new SandboxRouter(gate, api, log, responses), log, responses, clock);

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(options.bindAddress()), options.port()), BACKLOG);
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), handlerThreads());
        server.createContext("/", handler);
        server.setExecutor(pool);
        server.start();
        SandboxTarget target = new SandboxTarget(server, pool, log, store, faults);
        LOG.info("Sandbox target listening on {} with {}", target.baseUrl(), options);
        return target;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Snapshot of every request received, in arrival order. */
    public List<ReceivedRequest> requests() {
        return log.snapshot();
    }

    /** Snapshot of the records created in a collection, in order of creation; empty for an unknown collection. */
    public List<StoredRecord> records(String collection) {
        return store.records(collection);
    }

    /** The record created with this id (as answered in its 201), or empty if the collection holds none. */
    public Optional<StoredRecord> record(String collection, String id) {
        return store.findById(collection, id);
    }

    /** Replaces fault injection from the next request on; the burst count, rate window and random restart. */
    public void updateFaults(FaultSettings newFaults) {
        faults.update(newFaults);
        LOG.info("Sandbox target faults now {}", newFaults);
    }

    public FaultSettings faults() {
        return faults.settings();
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
