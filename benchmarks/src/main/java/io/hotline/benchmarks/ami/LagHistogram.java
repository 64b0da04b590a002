package io.hotline.benchmarks.ami;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Event lag in whole milliseconds (what {@code AmiObserver.event} reports: from asterisk-java reading the event to
 * Hotline's listener receiving it), one bucket per millisecond up to {@link #MAX_MILLIS}, the rest in the last.
 * One writer (the event pump; release stores), any number of readers.
 */
final class LagHistogram {
    /** Lags at or above this many milliseconds share the last bucket. */
    static final int MAX_MILLIS = 10_000;

    private final AtomicLongArray buckets = new AtomicLongArray(MAX_MILLIS + 1);

    void record(long lagMillis) {
        int bucket = (int) Math.max(0, Math.min(MAX_MILLIS, lagMillis));
        buckets.setRelease(bucket, buckets.getPlain(bucket) + 1);
    }

    long count() {
        long count = 0;
        for (int i = 0; i <= MAX_MILLIS; i++) {
            count += buckets.getAcquire(i);
        }
        return count;
    }

    /** The lag at {@code quantile} (0 to 1) in milliseconds, or -1 when nothing was recorded. */
    long percentile(double quantile) {
        long count = count();
        if (count == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * count));
        long seen = 0;
        for (int i = 0; i <= MAX_MILLIS; i++) {
            seen += buckets.getAcquire(i);
            if (seen >= rank) {
                return i;
            }
        }
        return MAX_MILLIS;
    }
}
