package io.splice.bench;

import java.util.Arrays;

/**
 * What the target saw of a throttled run: the mean rate between the first and the last arrival, and the fullest and
 * emptiest 1-second windows (sliding, each starting at an arrival).
 */
record ThrottleWindows(long requests, double seconds, double meanPerSecond, int worstWindow, int emptiestWindow) {

    private static final long SECOND = 1_000_000_000L;

    static ThrottleWindows of(long[] arrivalNanos) {
        long[] t = arrivalNanos.clone();
        Arrays.sort(t);
        double seconds = (t[t.length - 1] - t[0]) / 1e9;
        int worst = 0;
        int emptiest = Integer.MAX_VALUE;
        int end = 0;
        for (int start = 0; start < t.length; start++) {
            while (end < t.length && t[end] - t[start] < SECOND) {
                end++;
            }
            worst = Math.max(worst, end - start);
            // only windows wholly inside the run count as "emptiest"
            if (t[start] + SECOND <= t[t.length - 1]) {
                emptiest = Math.min(emptiest, end - start);
            }
        }
        return new ThrottleWindows(t.length, seconds, (t.length - 1) / seconds, worst,
                emptiest == Integer.MAX_VALUE ? worst : emptiest);
    }
}
