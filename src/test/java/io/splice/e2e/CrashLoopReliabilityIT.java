package io.splice.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.ReceivedRequest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.sandbox.StoredRecord;
import io.splice.testing.ItemsSource;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash loop of the reliability suite (scripts/reliability.sh; not part of `mvn verify`): `java -jar
 * target/splice.jar run` on 50,000 records in 64 groups, killed with SIGKILL at seeded random moments 10 times and
 * started again each time, then left to finish. Every valid record must be at the target exactly once, every
 * invalid one FAILED, none left QUEUED, and each group's records must have arrived in their order. The figures go to
 * target/reliability/crash-loop.txt (RELIABILITY.md quotes them).
 *
 * <p>System properties: splice.crashloop.records (50000), splice.crashloop.kills (10), splice.crashloop.seed.
 */
class CrashLoopReliabilityIT {

    private static final int RECORDS = Integer.getInteger("splice.crashloop.records", 50_000);
    private static final int KILLS = Integer.getInteger("splice.crashloop.kills", 10);
    private static final long SEED = Long.getLong("splice.crashloop.seed", 20261125L);
    private static final int GROUPS = 64;
    /** Every INVALID_EVERY-th record has no name: it must end FAILED, never at the target. */
    private static final int INVALID_EVERY = 1000;

    @TempDir
    Path workDir;

    private TestStack stack;
    private SandboxTarget sandbox;
    private JdbcTemplate ledger;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        ItemsSource.create(stack.source(), RECORDS, GROUPS, INVALID_EVERY);
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
        ledger = new JdbcTemplate(stack.ledger().dataSource());
        Files.createDirectories(workDir.resolve("config/migrations"));
        Files.writeString(workDir.resolve("config/migrations/items.yaml"), ItemsSource.DEFINITION);
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void killedTenTimesAtRandomEveryValidRecordArrivesExactlyOnceAndInItsGroupsOrder() throws Exception {
        Random random = new Random(SEED);
        List<String> kills = new ArrayList<>();
        Instant started = Instant.now();
        for (int cycle = 1; cycle <= KILLS; cycle++) {
            Process splice = splice("run-" + cycle + ".out");
            int migratedBefore = migrated();
            boolean byProgress = random.nextBoolean();
            long millis = 1_000 + random.nextInt(11_000);
            int records = 300 + random.nextInt(3_000);
            long deadline = System.currentTimeMillis() + (byProgress ? 120_000 : millis);
            while (splice.isAlive() && System.currentTimeMillis() < deadline
                    && !(byProgress && migrated() - migratedBefore >= records)) {
                Thread.sleep(50);
            }
            if (!splice.isAlive()) {
                kills.add("cycle " + cycle + ": the run finished before its kill");
                break;
            }
            splice.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            kills.add("cycle " + cycle + ": SIGKILL " + (byProgress ? "after " + records + " more records migrated"
                    : millis + " ms after start") + " (" + (migrated() - migratedBefore) + " migrated in the cycle, "
                    + count("select count(*) from splice_record where status = 'QUEUED'") + " QUEUED at the kill)");
        }

        Process last = splice("run-last.out");
        assertThat(last.waitFor(10, TimeUnit.MINUTES)).as("the last run finished").isTrue();
        // completed, with the invalid records FAILED: not every record migrated
        assertThat(last.exitValue()).as(Files.readString(workDir.resolve("run-last.out"))).isEqualTo(3);
        Duration took = Duration.between(started, Instant.now());

        // then every valid record is at the target exactly once, and every invalid one FAILED
        int invalid = RECORDS / INVALID_EVERY;
        int valid = RECORDS - invalid;
        List<StoredRecord> stored = sandbox.records("items");
        Map<String, Long> createdPerKey = sandbox.requests().stream().filter(r -> r.status() == 201)
                .collect(Collectors.groupingBy(ReceivedRequest::idempotencyKey, Collectors.counting()));
        long replayedByKey = sandbox.requests().stream()
                .filter(r -> r.method().equals("POST") && r.status() == 200).count();
        long lookups = sandbox.requests().stream().filter(r -> r.path().contains("/by-key/")).count();
        long foundByLookup = sandbox.requests().stream()
                .filter(r -> r.path().contains("/by-key/") && r.status() == 200).count();
        long legacyIds = stored.stream().map(r -> r.body().get("legacyId")).distinct().count();
        String figures = String.join("\n", List.of(
                "Crash loop: " + RECORDS + " records (" + invalid + " invalid), " + GROUPS + " groups, seed " + SEED,
                String.join("\n", kills),
                "kills: " + kills.stream().filter(k -> k.contains("SIGKILL")).count() + ", took " + took.toSeconds() + " s",
                "at the target: " + stored.size() + " records, " + legacyIds + " distinct legacy ids (valid: " + valid + ")",
                "records looked up at the target before a re-send: " + lookups + ", found there (not sent again): "
                        + foundByLookup + "; re-sends answered from the idempotency key: " + replayedByKey,
                "ledger: " + ledger.queryForList("select status || ' ' || count(*) from splice_record group by status",
                        String.class)));
        Files.createDirectories(Path.of("target/reliability"));
        Files.writeString(Path.of("target/reliability/crash-loop.txt"), figures + "\n");
        System.out.println(figures);

        assertThat(kills).filteredOn(k -> k.contains("SIGKILL")).hasSize(KILLS);
        assertThat(stored).hasSize(valid);
        assertThat(legacyIds).isEqualTo(valid);
        assertThat(createdPerKey).hasSize(valid).allSatisfy((key, created) -> assertThat(created).as(key).isEqualTo(1));
        assertThat(count("select count(*) from splice_record where status = 'MIGRATED'")).isEqualTo(valid);
        assertThat(count("select count(*) from splice_record where status = 'FAILED'")).isEqualTo(invalid);
        assertThat(count("select count(*) from splice_record")).isEqualTo(RECORDS);

        // and within each group the records reached the target in their source order
        Map<Object, Long> lastInGroup = new HashMap<>();
        for (StoredRecord record : stored) {
            long id = ((Number) record.body().get("legacyId")).longValue();
            Long previous = lastInGroup.put(record.body().get("group"), id);
            assertThat(previous == null || previous < id).as("group %s: %s after %s", record.body().get("group"), id,
                    previous).isTrue();
        }
    }

    private Process splice(String output) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/splice.jar", "run", "--config", workDir.resolve("config").toString()));
        Map<String, String> properties = Map.of(
                "splice.work-dir", workDir.resolve("work").toString(),
                "splice.source.url", stack.source().url(), "splice.source.username", stack.source().user(),
                "splice.ledger.url", stack.ledger().url(), "splice.ledger.username", stack.ledger().user(),
                "splice.target.url", sandbox.baseUrl(),
                // about 2 minutes of migrating: the kills land in start-up, extract and load alike
                "splice.load.rate", "400",
                "splice.extract.pages-per-second", "20",
                "camel.main.jmx-enabled", "false");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(workDir.resolve(output).toFile()).start();
    }

    private int migrated() {
        return count("select count(*) from splice_record where status = 'MIGRATED'");
    }

    private int count(String sql) {
        try {
            Integer n = ledger.queryForObject(sql, Integer.class);
            return n == null ? 0 : n;
        } catch (RuntimeException e) {
            // the ledger's tables do not exist before the first start
            return 0;
        }
    }
}
