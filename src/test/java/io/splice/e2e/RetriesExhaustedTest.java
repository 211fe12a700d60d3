package io.splice.e2e;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

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
 * splice.retry.maximum-redeliveries bounds the retries of a call that keeps failing while the target otherwise answers.
 * The request preparation clears the message's headers; it once cleared Camel's redelivery count with them, and such
 * a record was retried for ever (every attempt counted as the first). A target that does not answer at all is an
 * outage, not this: see TargetOutageTest.
 */
class RetriesExhaustedTest {

    @TempDir
    Path workDir;

    @Test
    void aCallThatKeepsFailingWhileTheTargetAnswersFailsEachRecordAfterTheConfiguredRedeliveries() throws Exception {
        try (TestStack stack = TestStack.create()) {
            // given a target that answers (its root: 204) but refuses every record's call with 503; the outage
            // circuit set so high that it never opens, so every failure spends a retry
            SampleManifest sample = new SampleDataGenerator(11, 0.05).generate(stack.source().dataSource());
            HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            target.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders("GET".equals(exchange.getRequestMethod()) ? 204 : 503, -1);
                exchange.close();
            });
            target.start();
            stack.started(() -> target.stop(0));
            SandboxTarget unused = stack.started(SandboxTarget.start(SandboxOptions.defaults()));
            SpliceUnderTest splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), unused,
                    Map.of("splice.target.url", "http://127.0.0.1:" + target.getAddress().getPort(),
                            "splice.load.rate", "1000", "splice.outage.failures-in-a-row", "1000000",
                            "splice.retry.maximum-redeliveries", "2", "splice.retry.initial-delay-millis", "5")));

            // when
            CompletedRun run = splice.run();

            // then every record that got as far as a call was tried three times, then FAILED: the run ended
            int bad = sample.defectiveIds("addresses").size();
            String unreachable = " from splice_record where reason = 'HTTP 503, retries exhausted'";
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
