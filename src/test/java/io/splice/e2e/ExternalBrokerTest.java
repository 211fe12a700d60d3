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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** splice.broker.url set: no embedded broker, an external one over TCP with credentials. */
class ExternalBrokerTest {

    @TempDir
    Path workDir;

    private TestDatabase source;
    private TestDatabase ledger;
    private ExternalBroker broker;
    private SandboxTarget sandbox;

    @BeforeEach
    void startTheStack() throws Exception {
        source = TestDatabase.create("src");
        ledger = TestDatabase.create("ledger");
        broker = ExternalBroker.start(workDir.resolve("external-broker"), "splice", "broker-pw");
        sandbox = SandboxTarget.start(SandboxOptions.defaults());
    }

    @AfterEach
    void stopTheStack() throws Exception {
        try (TestDatabase s = source; TestDatabase l = ledger; ExternalBroker b = broker; SandboxTarget t = sandbox) {
            // closed in reverse order
        }
    }

    @Test
    void migratesThroughAnExternalBrokerWithCredentials() throws Exception {
        SampleManifest sample = new SampleDataGenerator(9, 0.1).generate(source.dataSource());
        try (SpliceUnderTest splice = spliceWithBrokerPassword("broker-pw")) {

            CompletedRun run = splice.run();

            int bad = sample.defectiveIds("addresses").size();
            assertThat(run.report().entities().get(0).migrated()).isEqualTo(sample.addresses() - bad);
            assertThat(sandbox.records("addresses")).hasSize(sample.addresses() - bad);
            assertThat(DeadLetters.browse(splice.brokerConnections(), "DLQ.splice.addresses")).hasSize(bad);
            // nothing was embedded: no journal under Splice's own work dir
            assertThat(workDir.resolve("splice").resolve("broker")).doesNotExist();
        }
    }

    @Test
    void wrongBrokerCredentialsStopTheStartWithTheBrokersAnswer() throws Exception {
        new SampleDataGenerator(9, 0.05).generate(source.dataSource());

        assertThatThrownBy(() -> spliceWithBrokerPassword("wrong").close())
                .hasStackTraceContaining("AMQ229031");
    }

    @Test
    void queueDepthsSayMinusOneWhileTheBrokerIsAwayAndCountAgainOnceItIsBack() throws Exception {
        SampleManifest sample = new SampleDataGenerator(4, 0.05).generate(source.dataSource());
        try (SpliceUnderTest splice = spliceWithBrokerPassword("broker-pw")) {
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

    private SpliceUnderTest spliceWithBrokerPassword(String password) throws Exception {
        return SpliceUnderTest.start(workDir.resolve("splice"), source, ledger, sandbox, Map.of(
                "splice.broker.url", broker.url(), "splice.broker.username", "splice",
                "splice.broker.password", password, "splice.load.rate", "1000"));
    }

    private static double queueMessages(MeterRegistry meters, String queue) {
        return meters.get("splice.queue.messages").tag("queue", queue).gauge().value();
    }
}
