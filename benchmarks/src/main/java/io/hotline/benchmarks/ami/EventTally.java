package io.hotline.benchmarks.ami;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts one client's events between the {@link StreamMarker}s of one flood: nothing before {@code START} arrives,
 * nothing after the first {@code END}; the end marker itself is counted (as the flood's last event). Written only
 * by the client's event-pump thread (single writer: release stores, no read-modify-write), read by any thread;
 * {@link #awaitEnd} orders the final counts before the reader.
 */
final class EventTally {
    private final AtomicLong dispatched = new AtomicLong();
    private final AtomicLong translated = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final LagHistogram lag = new LagHistogram();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean armed;
    private volatile long endNanos;

    /** The pump delivered an event to the client's listener, {@code lagMillis} after asterisk-java read it. */
    void dispatched(long lagMillis) {
        if (counting()) {
            dispatched.setRelease(dispatched.getPlain() + 1);
            lag.record(lagMillis);
        }
    }

    /** The pump delivered an event to the client's listener; no lag measured. */
    void dispatched() {
        if (counting()) {
            dispatched.setRelease(dispatched.getPlain() + 1);
        }
    }

    /** A translated record reached the inbox ({@code accepted}) or was refused by it. */
    void translated(boolean accepted) {
        if (counting()) {
            AtomicLong counter = accepted ? translated : dropped;
            counter.setRelease(counter.getPlain() + 1);
        }
    }

    /** A marker arrived (null: an ordinary event); call after counting the event itself. */
    void marker(StreamMarker marker) {
        if (marker == StreamMarker.START) {
            armed = true;
        } else if (marker == StreamMarker.END && armed && endNanos == 0) {
            endNanos = System.nanoTime();
            ended.countDown();
        }
    }

    private boolean counting() {
        return armed && endNanos == 0;
    }

    /** Opens when the end marker has arrived. */
    CountDownLatch ended() {
        return ended;
    }

    /** Waits for the end marker until {@code deadlineNanos}; false when the time ran out. */
    boolean awaitEnd(long deadlineNanos) throws InterruptedException {
        return ended.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** {@link System#nanoTime()} when the end marker arrived, or 0. */
    long endNanos() {
        return endNanos;
    }

    long dispatchedCount() {
        return dispatched.getAcquire();
    }

    long translatedCount() {
        return translated.getAcquire();
    }

    long droppedCount() {
        return dropped.getAcquire();
    }

    LagHistogram lag() {
        return lag;
    }
}
