package io.splice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.splice.broker.QueueDepths;
import io.splice.report.CompletedRun;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.ItemsSource;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extract stays at most splice.extract.max-queued messages ahead of its consumers: with a slow target and one
 * consumer, the entity's queue never holds the whole table, only the bounded backlog (plus the page being sent).
 */
class ExtractBacklogTest {

    private static final String DEFINITION = """
            migration: items
            entities:
              items:
                source: { table: items, columns: [id, grp, name, qty], key: id, pageSize: 10 }
                group: grp
                concurrency: 1
                mapping:
                  fields:
                    legacyId: id
                    name: { column: name, required: true }
                target: { path: /api/v1/items }
            """;

    @TempDir
    Path workDir;

    private TestStack stack;
    private SandboxTarget sandbox;
    private SpliceUnderTest splice;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        ItemsSource.create(stack.source(), 300, 4, 1_000_000);
        // 20 ms a call and one consumer: ~50 records/s, while the extract could queue the 300 at once
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults()
                .withFaults(FaultSettings.none().withLatencyMillis(20))));
        Path definition = Files.writeString(workDir.resolve("items.yaml"), DEFINITION);
        splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, Map.of(
                "splice.migrations", "file:" + definition, "splice.load.rate", "2000",
                "splice.extract.pages-per-second", "1000", "splice.extract.max-queued", "30")));
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void theQueueHoldsTheBoundedBacklogNotTheTable() throws Exception {
        // given a watcher of the queue's depth at the broker
        QueueDepths depths = new QueueDepths(splice.brokerConnections(), List.of("splice.items"), 0);
        AtomicLong deepest = new AtomicLong();
        AtomicLong sightings = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                long depth = depths.depth("splice.items");
                deepest.accumulateAndGet(depth, Math::max);
                if (depth > 0) {
                    sightings.incrementAndGet();
                }
            }
        });

        // when the 300 records are migrated
        CompletedRun run;
        try {
            run = splice.run();
        } finally {
            running.set(false);
            watcher.join();
        }

        // then all of them arrived, and the queue never held more than the backlog and one page
        assertThat(run.report().entities().get(0).migrated()).isEqualTo(300);
        assertThat(sightings.get()).as("times the watcher saw messages queued").isGreaterThan(10);
        assertThat(deepest.get()).isBetween(1L, 30L + 10L);
    }

    @Test
    void aBacklogBoundBelowOneIsRefusedAtStartNamingTheSetting() {
        // given the bound set to 0 (the extract could never send a page); when Splice starts; then it refuses
        assertThatThrownBy(() -> SpliceUnderTest.start(workDir.resolve("second"), stack.source(), stack.ledger(), sandbox,
                Map.of("splice.extract.max-queued", "0")))
                .hasStackTraceContaining("Property splice.extract.max-queued must be at least 1, was 0");
    }
}
