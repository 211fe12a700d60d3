package io.splice.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ThroughputTest {

    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void countsMigrationsPerTenSecondsFromTheStartToTheEnd() {
        // given
        Throughput throughput = new Throughput(START, Duration.ofSeconds(10));

        // when
        throughput.add(START.plusSeconds(1));
        throughput.add(START.plusMillis(9_999));
        throughput.add(START.plusSeconds(10));
        throughput.add(START.plusSeconds(25));
        throughput.add(START.minusSeconds(2)); // clocks: counts in the first bucket

        // then: 0–10 s, 10–20 s, 20–30 s, and the run ends at 40 s
        assertThat(throughput.counts(START.plusSeconds(40))).containsExactly(3L, 1L, 1L, 0L);
        assertThat(throughput.bucketSeconds()).isEqualTo(10);
    }

    @Test
    void aRunWithoutMigrationsHasEmptyBucketsUpToItsEnd() {
        Throughput throughput = new Throughput(START, Duration.ofSeconds(10));

        assertThat(throughput.counts(START.plusSeconds(21))).containsExactly(0L, 0L, 0L);
        assertThat(new Throughput(START, Duration.ofSeconds(10)).counts(null)).isEmpty();
    }
}
