package io.splice.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.splice.observe.TargetHealthCheck;
import io.splice.report.CompletedRun;
import io.splice.report.RunReport;
import io.splice.sample.SampleDataGenerator;
import io.splice.sample.SampleManifest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.sandbox.SandboxTls;
import io.splice.testing.CapturedLogs;
import io.splice.testing.SelfSignedCertificate;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6, part 5: TLS to the target. The sandbox serves https only, with a self-signed certificate made for this
 * test; Splice trusts it through splice.target.trust-store — or, without it, does not.
 */
class TargetTlsTest {

    @TempDir
    Path workDir;

    private TestStack stack;
    private SampleManifest sample;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        sample = new SampleDataGenerator(11, 0.05).generate(stack.source().dataSource());
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void aTargetWhoseCertificateIsInTheTrustStoreGetsEveryRecordOverHttps() throws Exception {
        // given an https-only target with a self-signed certificate, and its certificate in Splice's trust store
        SelfSignedCertificate certificate = SelfSignedCertificate.forLocalhost(workDir);
        SandboxTarget sandbox = httpsSandbox(certificate);
        Path passwordFile = Files.writeString(workDir.resolve("trust-store-password"), certificate.password());
        try (CapturedLogs logs = new CapturedLogs()) {
            SpliceUnderTest splice = stack.started(SpliceUnderTest.start(workDir.resolve("splice"), stack.source(),
                    stack.ledger(), sandbox, Map.of("splice.target.trust-store", certificate.trustStore().toString(),
                            "splice.target.trust-store-password-file", passwordFile.toString(),
                            "splice.load.rate", "1000", "splice.reconcile.sample-percent", "100",
                            "splice.reconcile.read-back-max", "10")));

            // when
            CompletedRun run = splice.run();

            // then camel-http sent every valid record over https, and the target holds them
            int bad = sample.defectiveIds("addresses").size();
            assertThat(sandbox.baseUrl()).startsWith("https://");
            assertThat(run.report().entities().get(0).migrated()).isEqualTo(sample.addresses() - bad);
            assertThat(sandbox.records("addresses")).hasSize(sample.addresses() - bad);
            // the JDK clients trust it too: the read-back read every sampled record, the health check is UP
            RunReport.ReadBack readBack = run.report().readBack().get(0);
            assertThat(readBack.sampled()).isEqualTo(10);
            assertThat(readBack.matched()).isEqualTo(10);
            HealthCheck.Result health = targetHealth(splice);
            assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
            // the http component's settings hold for the https one (no hidden retries outside the throttle)
            HttpComponent https = splice.runtime().context().getComponent("https", HttpComponent.class);
            assertThat(https.isAutomaticRetriesDisabled()).isTrue();
            assertThat(https.getMaxTotalConnections()).isEqualTo(64);
            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(certificate.password()));
        }
    }

    @Test
    void withoutTheTrustStoreTheTargetIsNotTrustedAndNoRecordIsSent() throws Exception {
        // given the same https target, and Splice with the JVM's default trust only
        SelfSignedCertificate certificate = SelfSignedCertificate.forLocalhost(workDir);
        SandboxTarget sandbox = httpsSandbox(certificate);
        SpliceUnderTest splice = stack.started(SpliceUnderTest.start(workDir.resolve("splice"), stack.source(),
                stack.ledger(), sandbox, Map.of("splice.load.rate", "1000", "splice.retry.maximum-redeliveries", "1",
                        "splice.retry.initial-delay-millis", "5")));

        // when
        CompletedRun run = splice.run();

        // then nothing reached the target: every record FAILED, naming the certificate problem
        assertThat(sandbox.requests()).isEmpty();
        assertThat(sandbox.records("addresses")).isEmpty();
        assertThat(run.report().entities().get(0).migrated()).isZero();
        assertThat(run.report().failures()).extracting(RunReport.FailureCount::reason)
                .contains("SSLHandshakeException, retries exhausted");
        String message = splice.ledger().queryForObject("select min(error_message) from splice_record"
                + " where reason = 'SSLHandshakeException, retries exhausted'", String.class);
        assertThat(message).contains("PKIX path building failed");
        // and the health check says why the target counts as down
        HealthCheck.Result health = targetHealth(splice);
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getMessage()).hasValueSatisfying(text ->
                assertThat(text).contains("SSLHandshakeException", "PKIX path building failed"));
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
        // given a target whose certificate is trusted but names another host than the one in splice.target.url
        SelfSignedCertificate elsewhere = SelfSignedCertificate.create(workDir, "elsewhere.example", "dns:elsewhere.example");
        SandboxTarget sandbox = httpsSandbox(elsewhere);
        SpliceUnderTest splice = stack.started(SpliceUnderTest.start(workDir.resolve("splice"), stack.source(),
                stack.ledger(), sandbox, Map.of("splice.target.trust-store", elsewhere.trustStore().toString(),
                        "splice.target.trust-store-password", elsewhere.password(),
                        "splice.load.rate", "1000", "splice.retry.maximum-redeliveries", "0")));

        // when
        CompletedRun run = splice.run();

        // then the host name is checked by camel-http and by the JDK client: nothing is sent
        assertThat(sandbox.requests()).isEmpty();
        assertThat(run.report().entities().get(0).migrated()).isZero();
        String message = splice.ledger().queryForObject("select min(error_message) from splice_record"
                + " where status = 'FAILED'", String.class);
        assertThat(message).contains("SSLPeerUnverifiedException", "Certificate for <127.0.0.1> doesn't match");
        HealthCheck.Result health = targetHealth(splice);
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getMessage()).hasValueSatisfying(text ->
                assertThat(text).contains("SSLHandshakeException", "127.0.0.1"));
    }

    private SandboxTarget httpsSandbox(SelfSignedCertificate certificate) throws Exception {
        return stack.started(SandboxTarget.start(SandboxOptions.defaults()
                .withTls(new SandboxTls(certificate.keyStore(), certificate.password()))));
    }

    private static HealthCheck.Result targetHealth(SpliceUnderTest splice) {
        return splice.runtime().context().getRegistry().lookupByNameAndType("targetHealth", TargetHealthCheck.class).call();
    }
}
