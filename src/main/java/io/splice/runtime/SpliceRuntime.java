package io.splice.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.splice.record.Keys;
import io.splice.report.CombinedReport;
import io.splice.report.CompletedRun;
import io.splice.report.ReportFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * Splice's Camel Main, configured by the layered settings of {@link SettingSources} (bundled defaults, --config,
 * environment, -D). The CLI and the end-to-end tests start Splice through this one class.
 */
public final class SpliceRuntime implements AutoCloseable {

    static final String DEFAULTS = "classpath:config/application.properties";

    private final Main main;

    private SpliceRuntime(Main main) {
        this.main = main;
    }

    /** Property files over the bundled defaults, then the environment, then these overrides (tests, the CLI). */
    public static SpliceRuntime start(List<Path> propertyFiles, Map<String, String> overrides) throws Exception {
        return start(SettingSources.builder(propertyFiles).layer("the caller's overrides", overrides).build());
    }

    public static SpliceRuntime start(SettingSources sources) throws Exception {
        SettingOrigins.log(sources);
        Main main = new Main();
        main.configure().addConfiguration(SpliceConfiguration.class);
        main.addMainListener(new EntityRoutes());
        main.setPropertyPlaceholderLocations(DEFAULTS);
        SpliceProperties.camelProperties(sources).forEach(main::addOverrideProperty);
        ManagementServer.configure(main, sources.resolved(ManagementServer.USERS_FILE));
        main.start();
        return new SpliceRuntime(main);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** Runs the configured migration once for every tenant, side by side, to the end: one report per tenant. */
    public List<CompletedRun> runMigration() throws Exception {
        return runMigration(null);
    }

    /** Runs the migration for one tenant (all tenants when null). */
    public List<CompletedRun> runMigration(String tenant) throws Exception {
        return runMigration(tenant, Map.of());
    }

    /**
     * Runs (or resumes) the migration's plan for one tenant (all when null) with these plan parameters; a tenant's
     * failure does not stop the others.
     */
    @SuppressWarnings("unchecked")
    public List<CompletedRun> runMigration(String tenant, Map<String, String> parameters) throws Exception {
        Map<String, Object> headers = new HashMap<>();
        headers.put(Keys.TENANT_HEADER, tenant);
        headers.put(Keys.PARAMETERS_HEADER, parameters);
        try (ProducerTemplate template = context().createProducerTemplate()) {
            List<Object> outcomes = template.requestBodyAndHeaders("direct:run-tenants", null, headers, List.class);
            List<CompletedRun> sorted = outcomes.stream().filter(CompletedRun.class::isInstance).map(CompletedRun.class::cast)
                    .sorted(Comparator.comparing(run -> run.report().tenant())).toList();
            if (sorted.size() > 1) {
                reports().write(CombinedReport.of(sorted));
            }
            List<TenantRunsAggregation.NotStarted> notStarted = outcomes.stream()
                    .filter(TenantRunsAggregation.NotStarted.class::isInstance)
                    .map(TenantRunsAggregation.NotStarted.class::cast).toList();
            if (!notStarted.isEmpty()) {
                throw new TenantsNotStartedException(notStarted, sorted);
            }
            return sorted;
        } catch (CamelExecutionException e) {
            // the operator's problem (a run in progress elsewhere, a bad parameter), not Camel's wrapper
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private ReportFiles reports() {
        return context().getRegistry().lookupByNameAndType("reportFiles", ReportFiles.class);
    }

    /**
     * Where the management endpoints (/observe) and the operator API (/api) listen: one {@code http://host:port} per
     * server, with the port it is bound to (empty when they are off).
     */
    public List<String> endpoints() {
        return context().hasServices(org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer.class)
                .stream().filter(server -> server.getServer() != null)
                .map(server -> "http://" + server.getHost() + ":" + server.getServer().actualPort()
                        + " (/observe/health, /observe/metrics, /observe/jolokia, /api)")
                .sorted().toList();
    }

    /** Keeps Splice running (consumers, JMX, the heartbeat) until the JVM is asked to stop. */
    public void serveUntilStopped() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close();
            stopped.countDown();
        }, "splice-shutdown"));
        stopped.await();
    }

    /** Re-reads one entity's FAILED records of one tenant from the source and migrates them (and what they block). */
    public CompletedRun replay(String tenant, String entity) throws IOException {
        try (ProducerTemplate template = context().createProducerTemplate()) {
            Map<String, Object> headers = new HashMap<>();
            headers.put(Keys.TENANT_HEADER, tenant);
            headers.put(Keys.REPLAY_ENTITY, entity);
            return template.requestBodyAndHeaders("direct:replay-entity", null, headers, CompletedRun.class);
        }
    }

    @Override
    public void close() {
        main.stop();
    }
}
