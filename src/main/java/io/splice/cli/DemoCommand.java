package io.splice.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.splice.management.ManagementUsers;
import io.splice.report.CompletedRun;
import io.splice.runtime.SettingSources;
import io.splice.runtime.SpliceRuntime;
import io.splice.sample.SampleDataGenerator;
import io.splice.sample.SampleManifest;
import io.splice.sample.SampleSchema;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import org.h2.jdbcx.JdbcDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The whole product on embedded defaults: sample legacy data, embedded broker, sandbox target, one run. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate the sample FTTH legacy database (H2, under the work dir), start the embedded broker "
                + "and the sandbox target, migrate projects, addresses, connections and work orders of three "
                + "customers side by side, and print each customer's summary.",
                "Run it twice: the second run migrates nothing, the ledger already has every record."})
public class DemoCommand implements Callable<Integer> {

    private static final long PLANBOARD_JOB_MILLIS = 1500;

    @Option(names = "--work-dir", defaultValue = "work/demo", description = "Where the demo keeps its data (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the sample data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "1", description = "1 = 20 projects, 2,000 addresses (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--unavailable-rate", defaultValue = "0.05",
            description = "Fraction of requests the sandbox answers 503, to show retries (default: ${DEFAULT-VALUE}).")
    double unavailableRate;

    @Option(names = "--reset", description = "Delete the work dir first (ledger, broker journal, reports).")
    boolean reset;

    @Mixin
    RuntimeOptions options;

    @Override
    public Integer call() throws Exception {
        if (reset) {
            deleteRecursively(workDir);
        }
        Files.createDirectories(workDir);
        SampleManifest sample = new SampleDataGenerator(seed, scale).generate(h2("source"));
        System.out.printf("Sample legacy database: %d projects, %d addresses, %d connections, %d assignments, "
                        + "%d planboards, %d documents (%d planted defects) in %s%n", sample.projects(), sample.addresses(),
                sample.connections(), sample.assignments(), sample.planboards(), sample.documents(),
                sample.defects().size(), workDir.resolve("source"));
        SampleSchema.createTargetTables(h2("target"));
        FaultSettings faults = FaultSettings.none().withUnavailableRate(unavailableRate).withSeed(seed);
        // the new system's planboard jobs take a while: the plan waits for them before the planboards
        try (SandboxTarget sandbox = SandboxTarget.start(SandboxOptions.defaults().withFaults(faults)
                .withPlanboardJobMillis(PLANBOARD_JOB_MILLIS))) {
            System.out.printf("Sandbox target listening on %s (%.0f%% of requests answered 503)%n",
                    sandbox.baseUrl(), unavailableRate * 100);
            SettingSources sources = options.sources("the demo", overrides(sandbox));
            try (SpliceRuntime splice = SpliceRuntime.start(sources)) {
                List<CompletedRun> runs;
                try (ProgressLine progress = ProgressLine.start(splice)) {
                    runs = splice.runMigration();
                }
                System.out.printf("Sandbox received %d requests; holds %d projects, %d addresses, %d connections, "
                                + "%d documents, %d planboards (work orders went to the new system's database %s); "
                                + "workflows active again: %s, e-mail on again: %s%n", sandbox.requests().size(),
                        sandbox.records("projects").size(), sandbox.records("addresses").size(),
                        sandbox.records("connections").size(), sandbox.records("documents").size(),
                        sandbox.records("planboards").size(), workDir.resolve("target"), sandbox.activeWorkflows(),
                        sandbox.emailEnabled());
                Path settings = DemoSettings.write(workDir, sources);
                System.out.println("Look again with: java -jar target/splice.jar status|validate|report RUN_ID"
                        + (workDir.normalize().equals(DemoSettings.DEFAULT_WORK_DIR) ? "" : " --config " + settings));
                int status = RunSummaries.print(runs, System.out);
                // the sample's defects are planted: records not migrated are the demo working
                return status == ExitStatus.NOT_MIGRATED ? ExitStatus.MIGRATED : status;
            }
        }
    }

    private Map<String, String> overrides(SandboxTarget sandbox) throws IOException {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("splice.work-dir", workDir.toAbsolutePath().toString());
        overrides.put("splice.source.url", h2Url("source"));
        overrides.put("splice.target-db.url", h2Url("target"));
        overrides.put("splice.target-db.username", "sa");
        overrides.put("splice.target.url", sandbox.baseUrl());
        overrides.put("splice.load.rate", "400");
        // the sandbox keeps one set of workflows and e-mail settings for every tenant (a real multi-tenant target
        // keeps them per tenant): tenants whose plans save and restore them must take turns
        overrides.put("splice.run.parallel-tenants", "1");
        overrides.putAll(managementUser());
        return overrides;
    }

    /**
     * The demo's management endpoints (health, metrics, Jolokia, /api) on a free local port, for an operator whose
     * random password is in a file of the work dir only its owner may read (never printed, never logged); the users
     * file holds its BCrypt hash.
     */
    private Map<String, String> managementUser() throws IOException {
        Path users = workDir.resolve("management-users.properties");
        Path passwordFile = workDir.resolve("management-password.txt");
        String password = java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(12));
        ManagementUsers.writeOwnerOnly(passwordFile, password + "\n");
        ManagementUsers.writeOwnerOnly(users, "user.ops=" + ManagementUsers.hash(password) + ",operator\n");
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        System.out.printf("Management endpoints: http://127.0.0.1:%d/observe/health, /observe/metrics, /observe/jolokia "
                + "and the operator API http://127.0.0.1:%d/api/runs while the demo runs (user ops, password in %s)%n", port, port,
                passwordFile);
        return Map.of("splice.management.users-file", users.toAbsolutePath().toString(),
                "camel.management.port", String.valueOf(port));
    }

    private String h2Url(String name) {
        return "jdbc:h2:file:" + workDir.resolve(name).toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private JdbcDataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(h2Url(name));
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    private static void deleteRecursively(Path directory) throws java.io.IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
