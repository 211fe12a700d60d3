package io.splice.e2e;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.splice.report.CompletedRun;
import io.splice.sample.SampleDataGenerator;
import io.splice.sample.SampleManifest;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.DeadLetters;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator relies on: pausing an entity over JMX, and a target token that leaks nowhere. */
class OperatorControlTest {

    @TempDir
    Path workDir;

    private TestStack stack;
    private SampleManifest sample;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        sample = new SampleDataGenerator(21, 0.1).generate(stack.source().dataSource());
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void stoppingTheLoadRouteOverJmxPausesTheEntityAndStartingItResumesWithNothingLost() throws Exception {
        SandboxTarget sandbox = start(SandboxTarget.start(SandboxOptions.defaults()));
        SpliceUnderTest splice = start(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox,
                Map.of("camel.main.jmx-enabled", "true", "splice.load.rate", "1000")));
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> routes = jmx.queryNames(new ObjectName("org.apache.camel:type=routes,name=\"load-addresses\",*"), null);
        assertThat(routes).hasSize(1);
        ObjectName loadRoute = routes.iterator().next();

        // given the load route stopped by an operator
        jmx.invoke(loadRoute, "stop", null, null);
        assertThat(jmx.getAttribute(loadRoute, "State")).isEqualTo("Stopped");

        // when a run extracts everything
        CompletableFuture<CompletedRun> run = CompletableFuture.supplyAsync(() -> {
            try {
                return splice.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> queued(splice) == sample.addresses());

        // then nothing reaches the target while paused
        // (the start-up reachability probe, a HEAD /, is not a record)
        assertThat(sandbox.requests()).allMatch(r -> r.method().equals("HEAD"));
        assertThat(run).isNotDone();

        // and when it is started again, the run completes with every record accounted for
        jmx.invoke(loadRoute, "start", null, null);
        CompletedRun done = run.get(60, java.util.concurrent.TimeUnit.SECONDS);
        int bad = sample.defectiveIds("addresses").size();
        assertThat(done.report().entities().get(0).migrated()).isEqualTo(sample.addresses() - bad);
        assertThat(sandbox.records("addresses")).hasSize(sample.addresses() - bad);
        assertThat(queued(splice)).isZero();
    }

    @Test
    void theTargetTokenComesFromAFileAndAppearsInNoLogReportLedgerRowOrDeadLetter() throws Exception {
        String token = "tok-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        Path tokenFile = Files.writeString(workDir.resolve("token"), token + "\n");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try {
            // given a target that refuses requests without the token, and 10% transient failures to log about
            SandboxTarget sandbox = start(SandboxTarget.start(SandboxOptions.defaults().withBearerToken(token)
                    .withFaults(FaultSettings.none().withUnavailableRate(0.1).withSeed(3))));
            SpliceUnderTest splice = start(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, Map.of(
                    "splice.target.token-file", tokenFile.toString(), "splice.load.rate", "1000",
                    "splice.retry.initial-delay-millis", "10")));

            // when
            CompletedRun run = splice.run();

            // then the token worked
            int bad = sample.defectiveIds("addresses").size();
            assertThat(run.report().entities().get(0).migrated()).isEqualTo(sample.addresses() - bad);
            assertThat(sandbox.requests()).noneMatch(r -> r.status() == 401);
            // and it is nowhere an operator or a data owner looks
            assertThat(logs.list).isNotEmpty()
                    .noneMatch(e -> e.getFormattedMessage().contains(token))
                    .noneMatch(e -> e.getThrowableProxy() != null && e.getThrowableProxy().getMessage() != null
                            && e.getThrowableProxy().getMessage().contains(token));
            assertThat(Files.readString(run.reportFile())).doesNotContain(token);
            assertThat(splice.ledger().queryForList("select * from splice_record").toString()).doesNotContain(token);
            assertThat(DeadLetters.browse(splice.brokerConnections(), "DLQ.splice.addresses")).hasSize(bad)
                    .noneMatch(d -> String.valueOf(d).contains(token));
        } finally {
            root.detachAppender(logs);
        }
    }

    private long queued(SpliceUnderTest splice) {
        Long count = splice.ledger().queryForObject(
                "select count(*) from splice_record where status = 'QUEUED'", Long.class);
        return count == null ? 0 : count;
    }

    private <T extends AutoCloseable> T start(T resource) {
        return stack.started(resource);
    }
}
