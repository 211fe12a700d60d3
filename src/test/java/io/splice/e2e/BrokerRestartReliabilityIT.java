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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.splice.report.CompletedRun;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.ReceivedRequest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.sandbox.StoredRecord;
import io.splice.testing.ExternalBroker;
import io.splice.testing.ItemsSource;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker restart of the reliability suite (scripts/reliability.sh): Splice on an external broker over TCP, the
 * broker stopped and started again (same port, same journal) at seeded moments while a run migrates. The run goes on
 * by itself once the broker is back; nothing is lost or sent twice, and groups keep their order. Figures:
 * target/reliability/broker-restart.txt.
 *
 * <p>System properties: splice.brokerrestart.records (10000), splice.brokerrestart.restarts (3), .seed.
 */
class BrokerRestartReliabilityIT {

    private static final int RECORDS = Integer.getInteger("splice.brokerrestart.records", 10_000);
    private static final int RESTARTS = Integer.getInteger("splice.brokerrestart.restarts", 3);
    private static final long SEED = Long.getLong("splice.brokerrestart.seed", 20261125L);
    private static final int GROUPS = 16;
    private static final int INVALID_EVERY = 500;

    @TempDir
    Path workDir;

    private TestStack stack;
    private SandboxTarget sandbox;
    private ExternalBroker broker;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        ItemsSource.create(stack.source(), RECORDS, GROUPS, INVALID_EVERY);
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
        broker = stack.started(ExternalBroker.start(workDir.resolve("broker"), "splice", "broker-pw"));
        Files.createDirectories(workDir.resolve("migrations"));
        Files.writeString(workDir.resolve("migrations/items.yaml"), ItemsSource.DEFINITION);
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void aBrokerStoppedAndStartedMidRunLosesNothingAndSplicePicksUpByItself() throws Exception {
        Random random = new Random(SEED);
        SpliceUnderTest splice = stack.started(SpliceUnderTest.start(workDir.resolve("splice"), stack.source(),
                stack.ledger(), sandbox, Map.of(
                        "splice.migrations", "file:" + workDir.resolve("migrations"),
                        "splice.broker.url", broker.url(), "splice.broker.username", "splice",
                        "splice.broker.password", "broker-pw",
                        "splice.load.rate", "400", "splice.extract.pages-per-second", "10")));
        Instant started = Instant.now();
        CompletableFuture<CompletedRun> run = CompletableFuture.supplyAsync(() -> {
            try {
                return splice.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        List<String> restarts = new ArrayList<>();
        for (int restart = 1; restart <= RESTARTS && !run.isDone(); restart++) {
            int at = RECORDS * restart / (RESTARTS + 1) + random.nextInt(RECORDS / (RESTARTS * 4));
            long downMillis = 1_000 + random.nextInt(4_000);
            while (!run.isDone() && migrated(splice) < at) {
                Thread.sleep(50);
            }
            if (run.isDone()) {
                break;
            }
            broker.stop();
            Thread.sleep(downMillis);
            broker.startAgain();
            restarts.add("restart " + restart + ": broker stopped after " + at + " migrated, down " + downMillis + " ms");
        }
        CompletedRun completed = run.get(10, TimeUnit.MINUTES);
        Duration took = Duration.between(started, Instant.now());

        int invalid = RECORDS / INVALID_EVERY;
        int valid = RECORDS - invalid;
        List<StoredRecord> stored = sandbox.records("items");
        Map<String, Long> createdPerKey = sandbox.requests().stream().filter(r -> r.status() == 201)
                .collect(Collectors.groupingBy(ReceivedRequest::idempotencyKey, Collectors.counting()));
        String figures = "Broker restart: " + RECORDS + " records (" + invalid + " invalid), " + GROUPS + " groups, seed "
                + SEED + "\n" + String.join("\n", restarts) + "\nrun " + completed.report().status() + " in "
                + took.toSeconds() + " s; at the target: " + stored.size() + " records (valid: " + valid + "); re-sends "
                + "answered from the idempotency key: " + sandbox.requests().stream()
                .filter(r -> r.method().equals("POST") && r.status() == 200).count()
                + "; ledger: " + splice.ledger().queryForList(
                        "select status || ' ' || count(*) from splice_record group by status", String.class);
        Files.createDirectories(Path.of("target/reliability"));
        Files.writeString(Path.of("target/reliability/broker-restart.txt"), figures + "\n");
        System.out.println(figures);

        assertThat(restarts).hasSize(RESTARTS);
        assertThat(completed.report().status()).as(completed.report().error()).isEqualTo("COMPLETED");
        assertThat(stored).hasSize(valid);
        assertThat(createdPerKey).hasSize(valid).allSatisfy((key, created) -> assertThat(created).as(key).isEqualTo(1));
        assertThat(count(splice, "MIGRATED")).isEqualTo(valid);
        assertThat(count(splice, "FAILED")).isEqualTo(invalid);
        Map<Object, Long> lastInGroup = new HashMap<>();
        for (StoredRecord record : stored) {
            long id = ((Number) record.body().get("legacyId")).longValue();
            Long previous = lastInGroup.put(record.body().get("group"), id);
            assertThat(previous == null || previous < id).as("group %s: %s after %s", record.body().get("group"), id,
                    previous).isTrue();
        }
    }

    private static int migrated(SpliceUnderTest splice) {
        return count(splice, "MIGRATED");
    }

    private static int count(SpliceUnderTest splice, String status) {
        Integer n = splice.ledger().queryForObject("select count(*) from splice_record where status = ?", Integer.class,
                status);
        return n == null ? 0 : n;
    }
}
