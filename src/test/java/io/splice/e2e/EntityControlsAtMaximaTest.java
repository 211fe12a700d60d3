package io.splice.e2e;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.splice.api.ApiLimits;
import io.splice.report.CompletedRun;
import io.splice.sample.SampleDataGenerator;
import io.splice.sample.SampleManifest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.OperatorApiClient;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rate and concurrency held at their maxima while records flow: the JVM lives (a rate of 10,000,000 once filled the
 * heap with the throttle's permits), every record migrates, and the heap stays within Splice's -Xmx256m.
 */
class EntityControlsAtMaximaTest {

    @TempDir
    Path workDir;

    private TestStack stack;

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void rateAndConcurrencyAtTheirMaximaUnderLoadMigrateEveryRecord() throws Exception {
        // given 2,000 addresses and Splice serving the API
        stack = TestStack.create();
        SampleManifest sample = new SampleDataGenerator(5, 1.0).generate(stack.source().dataSource());
        OperatorApiClient api = OperatorApiClient.in(workDir);
        SandboxTarget sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults()));
        Map<String, String> properties = new HashMap<>(api.properties());
        properties.put("splice.load.rate", "50");
        SpliceUnderTest splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox,
                properties));

        // when a run starts slowly and, with records flowing, an operator turns both to their maxima
        CompletableFuture<CompletedRun> run = CompletableFuture.supplyAsync(() -> {
            try {
                return splice.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> migrated(splice) > 0);
        assertThat(api.ok(api.put("entities/addresses/rate", "{\"rate\": " + ApiLimits.MAX_RATE + "}"))
                .path("rate").asInt()).isEqualTo(ApiLimits.MAX_RATE);
        assertThat(api.ok(api.put("entities/addresses/concurrency", "{\"concurrency\": " + ApiLimits.MAX_CONCURRENCY + "}"))
                .path("concurrency").asInt()).isEqualTo(ApiLimits.MAX_CONCURRENCY);
        assertThat(run).isNotDone();

        // then every record is accounted for, and the JVM and the API are alive
        CompletedRun done = run.get(3, TimeUnit.MINUTES);
        int bad = sample.defectiveIds("addresses").size();
        assertThat(done.report().entities().get(0).migrated()).isEqualTo(sample.addresses() - bad);
        assertThat(sandbox.records("addresses")).hasSize(sample.addresses() - bad);
        assertThat(api.ok(api.get("progress")).get(0).path("migrated").asInt()).isEqualTo(sample.addresses() - bad);
        System.gc();
        long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        assertThat(heapUsed).as("heap used after the run").isLessThan(256L * 1024 * 1024);
        // and beyond the maxima nothing is accepted
        assertThat(api.put("entities/addresses/rate", "{\"rate\": 10000000}").statusCode()).isEqualTo(400);
        assertThat(api.put("entities/addresses/concurrency", "{\"concurrency\": 100000}").statusCode()).isEqualTo(400);
    }

    private static long migrated(SpliceUnderTest splice) {
        Long n = splice.ledger().queryForObject("select count(*) from splice_record where status = 'MIGRATED'", Long.class);
        return n == null ? 0 : n;
    }
}
