package io.splice.e2e;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.splice.report.CompletedRun;
import io.splice.sample.SampleDataGenerator;
import io.splice.sample.SampleManifest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.CapturedLogs;
import io.splice.testing.DeadLetters;
import io.splice.testing.ExternalBroker;
import io.splice.testing.SelfSignedCertificate;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 6, part 5: TLS to an external broker. The broker's only acceptor speaks TLS with a self-signed certificate
 * made for this test; Splice trusts it through splice.broker.trust-store, whose password is never in a URL or a log.
 */
class BrokerTlsTest {

    @TempDir
    Path workDir;

    private TestStack stack;
    private SelfSignedCertificate certificate;
    private ExternalBroker broker;
    private SandboxTarget sandbox;
    private SampleManifest sample;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        sample = new SampleDataGenerator(13, 0.05).generate(stack.source().dataSource());
        certificate = SelfSignedCertificate.forLocalhost(workDir);
        broker = stack.started(ExternalBroker.startWithTls(workDir.resolve("broker"), "splice", "broker-pw", certificate));
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults()));
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void migratesThroughABrokerOverTlsTrustingItsCertificate() throws Exception {
        try (CapturedLogs logs = new CapturedLogs()) {
            SpliceUnderTest splice = stack.started(start(Map.of(
                    "splice.broker.trust-store", certificate.trustStore().toString(),
                    "splice.broker.trust-store-password", certificate.password())));

            CompletedRun run = splice.run();

            int bad = sample.defectiveIds("addresses").size();
            assertThat(run.report().entities().get(0).migrated()).isEqualTo(sample.addresses() - bad);
            assertThat(sandbox.records("addresses")).hasSize(sample.addresses() - bad);
            assertThat(DeadLetters.browse(splice.brokerConnections(), "DLQ.splice.addresses")).hasSize(bad);
            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(certificate.password()));
        }
    }

    @Test
    void aWrongTrustStorePasswordStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> start(Map.of("splice.broker.trust-store", certificate.trustStore().toString(),
                "splice.broker.trust-store-password", "not-the-password")).close())
                .hasStackTraceContaining("Property splice.broker.trust-store names " + certificate.trustStore()
                        + ", which cannot be opened with splice.broker.trust-store-password: keystore password was incorrect");
    }

    @Test
    void aMissingTrustStoreStopsTheStartNamingTheFile() {
        Path missing = workDir.resolve("no-such-trust-store.p12");
        assertThatThrownBy(() -> start(Map.of("splice.broker.trust-store", missing.toString(),
                "splice.broker.trust-store-password", certificate.password())).close())
                .hasStackTraceContaining("Property splice.broker.trust-store names " + missing
                        + ", which cannot be read as a PKCS12 trust store: NoSuchFileException");
    }

    @Test
    void aTrustStoreWithoutTheBrokersCertificateStopsTheStart() throws Exception {
        SelfSignedCertificate other = SelfSignedCertificate.create(workDir.resolve("other"), "localhost",
                "dns:localhost,ip:127.0.0.1");
        try (CapturedLogs logs = new CapturedLogs()) {
            assertThatThrownBy(() -> start(Map.of("splice.broker.trust-store", other.trustStore().toString(),
                    "splice.broker.trust-store-password", other.password())).close())
                    .hasStackTraceContaining("Broker " + broker.url() + " refused a connection as user splice")
                    .hasStackTraceContaining("TLS with the trust store " + other.trustStore());
            assertThat(logs.lines()).noneMatch(line -> line.contains(other.password()));
        }
    }

    private SpliceUnderTest start(Map<String, String> tls) throws Exception {
        Map<String, String> properties = new HashMap<>(Map.of("splice.broker.url", broker.url(),
                "splice.broker.username", "splice", "splice.broker.password", "broker-pw", "splice.load.rate", "1000"));
        properties.putAll(tls);
        return SpliceUnderTest.start(workDir.resolve("splice"), stack.source(), stack.ledger(), sandbox, properties);
    }
}
