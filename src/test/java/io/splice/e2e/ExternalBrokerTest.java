package io.splice.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.splice.report.CompletedRun;
import io.splice.sample.SampleDataGenerator;
import io.splice.sample.SampleManifest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.DeadLetters;
import io.splice.testing.ExternalBroker;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** splice.broker.url set: no embedded broker, an external one over TCP with credentials. */
class ExternalBrokerTest {

    @TempDir
    Path workDir;

    @Test
    void migratesThroughAnExternalBrokerWithCredentials() throws Exception {
        try (TestDatabase source = TestDatabase.create("src"); TestDatabase ledger = TestDatabase.create("ledger");
             ExternalBroker broker = ExternalBroker.start(workDir.resolve("external-broker"), "splice", "broker-pw");
             SandboxTarget sandbox = SandboxTarget.start(SandboxOptions.defaults())) {
            SampleManifest sample = new SampleDataGenerator(9, 0.1).generate(source.dataSource());
            try (SpliceUnderTest splice = SpliceUnderTest.start(workDir.resolve("splice"), source, ledger, sandbox, Map.of(
                    "splice.broker.url", broker.url(), "splice.broker.username", "splice",
                    "splice.broker.password", "broker-pw", "splice.load.rate", "1000"))) {

                CompletedRun run = splice.run();

                int bad = sample.defectiveIds("addresses").size();
                assertThat(run.report().entities().get(0).migrated()).isEqualTo(sample.addresses() - bad);
                assertThat(sandbox.records("addresses")).hasSize(sample.addresses() - bad);
                assertThat(DeadLetters.browse(splice.brokerConnections(), "DLQ.splice.addresses")).hasSize(bad);
                // nothing was embedded: no journal under Splice's own work dir
                assertThat(workDir.resolve("splice").resolve("broker")).doesNotExist();
            }
        }
    }

    @Test
    void wrongBrokerCredentialsStopTheStartWithTheBrokersAnswer() throws Exception {
        try (TestDatabase source = TestDatabase.create("src"); TestDatabase ledger = TestDatabase.create("ledger");
             ExternalBroker broker = ExternalBroker.start(workDir.resolve("external-broker"), "splice", "broker-pw");
             SandboxTarget sandbox = SandboxTarget.start(SandboxOptions.defaults())) {
            new SampleDataGenerator(9, 0.05).generate(source.dataSource());

            assertThatThrownBy(() -> SpliceUnderTest.start(workDir.resolve("splice"), source, ledger, sandbox, Map.of(
                    "splice.broker.url", broker.url(), "splice.broker.username", "splice",
                    "splice.broker.password", "wrong")).close())
                    .hasStackTraceContaining("AMQ229031");
        }
    }

    @Test
    void queueDepthsSayMinusOneWhileTheBrokerIsAwayAndCountAgainOnceItIsBack() throws Exception {
        try (TestDatabase source = TestDatabase.create("src"); TestDatabase ledger = TestDatabase.create("ledger");
             ExternalBroker broker = ExternalBroker.start(workDir.resolve("external-broker"), "splice", "broker-pw");
             SandboxTarget sandbox = SandboxTarget.start(SandboxOptions.defaults())) {
            SampleManifest sample = new SampleDataGenerator(4, 0.05).generate(source.dataSource());
            try (SpliceUnderTest splice = SpliceUnderTest.start(workDir.resolve("splice"), source, ledger, sandbox, Map.of(
                    "splice.broker.url", broker.url(), "splice.broker.username", "splice",
                    "splice.broker.password", "broker-pw", "splice.load.rate", "1000"))) {
                // given a migrated entity: its queue exists on the broker and is empty again, its DLQ holds the bad records
                splice.run();
                int bad = sample.defectiveIds("addresses").size();
                MeterRegistry meters = splice.runtime().context().getRegistry().findSingleByType(MeterRegistry.class);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertThat(queueMessages(meters, "splice.addresses")).isZero();
                    assertThat(queueMessages(meters, "DLQ.splice.addresses")).isEqualTo(bad);
                });

                // when the broker goes away, the depths are unknown (-1), not a stale count and not a hang
                broker.stop();
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(queueMessages(meters, "DLQ.splice.addresses")).isEqualTo(-1));

                // and once it is back, the depths are counted again (the kept connection was opened afresh)
                broker.startAgain();
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(queueMessages(meters, "DLQ.splice.addresses")).isEqualTo(bad));
            }
        }
    }

    private static double queueMessages(MeterRegistry meters, String queue) {
        return meters.get("splice.queue.messages").tag("queue", queue).gauge().value();
    }
}
