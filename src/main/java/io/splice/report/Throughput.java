package io.splice.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records migrated per bucket of a run's time (10 seconds in report.html), counted one migration at a time. */
final class Throughput {

    private final Instant start;
    private final long bucketMillis;
    private final List<Long> counts = new ArrayList<>();

    Throughput(Instant start, Duration bucket) {
        this.start = start;
        this.bucketMillis = bucket.toMillis();
    }

    int bucketSeconds() {
        return (int) (bucketMillis / 1000);
    }

    /** One record migrated at this time (before the start counts in the first bucket). */
    void add(Instant migratedAt) {
        int bucket = bucketOf(migratedAt);
        grow(bucket + 1);
        counts.set(bucket, counts.get(bucket) + 1);
    }

    /** @param end the run's end (null while it runs): the buckets reach it even when its last ones are empty */
    List<Long> counts(Instant end) {
        if (end != null) {
            grow(bucketOf(end.minusMillis(1)) + 1); // a run of exactly 30 s has three buckets
        }
        return Collections.unmodifiableList(counts);
    }

    private int bucketOf(Instant at) {
        return (int) Math.max(0, Duration.between(start, at).toMillis() / bucketMillis);
    }

    private void grow(int size) {
        while (counts.size() < size) {
            counts.add(0L);
        }
    }
}
