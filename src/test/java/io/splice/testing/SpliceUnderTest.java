package io.splice.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.jms.ConnectionFactory;

import io.splice.report.CompletedRun;
import io.splice.runtime.SpliceRuntime;
import io.splice.sandbox.SandboxTarget;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splice booted through the same {@link SpliceRuntime} the CLI uses, against a test's own PostgreSQL databases,
 * an embedded Artemis and a real sandbox target.
 */
public final class SpliceUnderTest implements AutoCloseable {

    private final SpliceRuntime runtime;
    private final JdbcTemplate ledger;

    private SpliceUnderTest(SpliceRuntime runtime, JdbcTemplate ledger) {
        this.runtime = runtime;
        this.ledger = ledger;
    }

    public static SpliceUnderTest start(Path workDir, TestDatabase source, TestDatabase ledgerDb, SandboxTarget target,
                                        Map<String, String> extra) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("splice.work-dir", workDir.toAbsolutePath().toString());
        properties.put("splice.source.url", source.url());
        properties.put("splice.source.username", source.user());
        properties.put("splice.source.password", source.password());
        properties.put("splice.ledger.url", ledgerDb.url());
        properties.put("splice.ledger.username", ledgerDb.user());
        properties.put("splice.ledger.password", ledgerDb.password());
        properties.put("splice.target.url", target.baseUrl());
        // a fresh in-VM broker id per test, so nothing can reach a broker another test left behind
        properties.put("splice.broker.in-vm-id", String.valueOf(ThreadLocalRandom.current().nextInt(1, 1_000_000)));
        properties.put("camel.main.jmx-enabled", "false");
        // the walking skeleton's addresses-only migration, unless a test brings its own definitions
        properties.put("splice.migrations", "classpath:definitions/addresses.yaml");
        properties.putAll(extra);
        SpliceRuntime runtime = SpliceRuntime.start(List.of(), properties);
        return new SpliceUnderTest(runtime, new JdbcTemplate(ledgerDb.dataSource()));
    }

    /** Every tenant's run. */
    public List<CompletedRun> runAll() throws Exception {
        return runtime.runMigration();
    }

    /** The run of a migration with one tenant. */
    public CompletedRun run() throws Exception {
        List<CompletedRun> runs = runtime.runMigration();
        if (runs.size() != 1) {
            throw new AssertionError("expected one tenant's run, got " + runs.size());
        }
        return runs.get(0);
    }

    public CompletedRun replay(String tenant, String entity) throws Exception {
        return runtime.replay(tenant, entity);
    }

    public JdbcTemplate ledger() {
        return ledger;
    }

    public ConnectionFactory brokerConnections() {
        return runtime.context().getRegistry().lookupByNameAndType("jmsConsumerConnectionFactory", ConnectionFactory.class);
    }

    public SpliceRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        runtime.close();
    }
}
