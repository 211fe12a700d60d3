package io.splice.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A random source per (seed, stream, row id): every row is a pure function of its id,
 * so rows can be generated one at a time, in any order, and still come out identical.
 */
final class RowRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long streamSeed;

    /** @param stream names what the numbers are for, so two streams of one seed never share numbers */
    RowRandom(long seed, String stream) {
        // String.hashCode is specified by the Java API, so it is the same on every JVM
        this.streamSeed = mix(seed ^ mix(stream.hashCode() * GOLDEN_GAMMA));
    }

    SplittableRandom forRow(long id) {
        return new SplittableRandom(mix(streamSeed + id * GOLDEN_GAMMA));
    }

    static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: neighbouring inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
