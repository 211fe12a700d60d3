package io.splice.e2e;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import io.splice.report.CompletedRun;
import io.splice.sample.SampleDataGenerator;
import io.splice.sample.SampleManifest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * splice.retry.maximum-redeliveries bounds the retries of a call that keeps failing with an I/O error. The request
 * preparation clears the message's headers; it once cleared Camel's redelivery count with them, and such a record
 * was retried for ever (every attempt counted as the first).
 */
class RetriesExhaustedTest {

    @TempDir
    Path workDir;

    @Test
    void aTargetThatNeverAnswersFailsEachRecordAfterTheConfiguredRedeliveries() throws Exception {
        try (TestStack stack = TestStack.create()) {
            // given nothing listens at the target's URL
            SampleManifest sample = new SampleDataGenerator(11, 0.05).generate(stack.source().dataSource());
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            SandboxTarget unused = stack.started(SandboxTarget.start(SandboxOptions.defaults()));
            SpliceUnderTest splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), unused,
                    Map.of("splice.target.url", "http://127.0.0.1:" + closedPort, "splice.load.rate", "1000",
                            "splice.retry.maximum-redeliveries", "2", "splice.retry.initial-delay-millis", "5")));

            // when
            CompletedRun run = splice.run();

            // then every record that got as far as a call was tried three times, then FAILED: the run ended
            int bad = sample.defectiveIds("addresses").size();
            String unreachable = " from splice_record where reason = 'HttpHostConnectException, retries exhausted'";
            assertThat(splice.ledger().queryForList("select distinct status from splice_record", String.class))
                    .containsExactly("FAILED");
            assertThat(splice.ledger().queryForObject("select count(*)" + unreachable, Integer.class))
                    .isGreaterThanOrEqualTo(sample.addresses() - bad);
            assertThat(splice.ledger().queryForList("select distinct attempts" + unreachable, Integer.class))
                    .containsExactly(3);
            assertThat(splice.ledger().queryForObject("select min(error_message)" + unreachable, String.class))
                    .endsWith("after 3 attempts");
            assertThat(run.report().entities().get(0).migrated()).isZero();
        }
    }
}
