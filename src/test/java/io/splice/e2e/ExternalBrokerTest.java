package io.splice.e2e;

import java.nio.file.Path;
import java.util.Map;

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
}
