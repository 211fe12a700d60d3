package io.splice.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionRecordsTest {

    private static final int THREADS = 8;
    private static final int KEYS = 2_000;

    @Test
    void threadsRacingOverTheSameKeysCreateEachKeyOnce() throws Exception {
        CollectionRecords records = new CollectionRecords("invoices", Clock.systemUTC());
        AtomicInteger created = new AtomicInteger();
        CountDownLatch startTogether = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            // Every thread walks the same keys in the same order, so they contend on each key
            List<CompletableFuture<Void>> racers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                racers.add(CompletableFuture.runAsync(() -> {
                    awaitQuietly(startTogether);
                    for (int k = 0; k < KEYS; k++) {
                        if (records.create("key-" + k, Map.of("n", k)).created()) {
                            created.incrementAndGet();
                        }
                    }
                }, threads));
            }
            startTogether.countDown();
            CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdownNow();
        }

        assertThat(created.get()).isEqualTo(KEYS);
        assertThat(records.count()).isEqualTo(KEYS);
        List<String> expectedIds = IntStream.rangeClosed(1, KEYS).mapToObj(n -> "invoices-" + n).collect(Collectors.toList());
        assertThat(records.snapshot()).extracting(StoredRecord::id).containsExactlyElementsOf(expectedIds);
        assertThat(records.byIdempotencyKey("key-7")).get().extracting(record -> record.body().get("n")).isEqualTo(7);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
