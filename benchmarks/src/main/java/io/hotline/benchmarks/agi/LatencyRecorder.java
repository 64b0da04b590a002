package io.hotline.benchmarks.agi;

import java.util.Arrays;

/**
 * Session latencies of one bounded run, kept whole (at most {@code capacity}) and sorted for percentiles.
 * Confined to the generator's control event loop while recording; read after the run.
 */
public final class LatencyRecorder {
    private final long[] nanos;
    private int size;

    public LatencyRecorder(int capacity) {
        nanos = new long[capacity];
    }

    public void record(long latencyNanos) {
        if (size < nanos.length) {
            nanos[size++] = latencyNanos;
        }
    }

    public int count() {
        return size;
    }

    /** The {@code fraction} percentile (nearest rank) in milliseconds, or 0 when nothing was recorded. */
    public double percentileMillis(double fraction) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * size);
        return sorted[Math.min(size, Math.max(rank, 1)) - 1] / 1e6;
    }
}
