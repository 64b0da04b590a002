package io.hotline.telephony.agi;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Warnings about input Hotline does not control (strangers, floods, bad clients), at most {@code linesPerInterval}
 * lines per interval: further lines in the same interval are counted, not written, and the first line (or
 * {@link #flush()}) after the interval reports how many were suppressed. So no input can make Hotline log more
 * than a bounded number of lines per second. Messages are SLF4J patterns; never a stack trace. Thread-safe: any
 * event loop may call it (the critical section only counts).
 */
public final class RateLimitedLog {
    private final Logger logger;
    private final int linesPerInterval;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long windowStart;
    private int written;
    private long suppressed;

    public RateLimitedLog(Logger logger, int linesPerInterval, Duration interval) {
        this(logger, linesPerInterval, interval, System::nanoTime);
    }

    RateLimitedLog(Logger logger, int linesPerInterval, Duration interval, LongSupplier nanoClock) {
        if (linesPerInterval < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("need at least one line per positive interval");
        }
        this.logger = logger;
        this.linesPerInterval = linesPerInterval;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.windowStart = nanoClock.getAsLong();
    }

    /** Logs at WARN unless this interval's lines are used up; then only counts it. */
    public void warn(String format, Object... arguments) {
        long dropped;
        synchronized (this) {
            dropped = roll();
            if (written >= linesPerInterval) {
                suppressed++;
                format = null;
            } else {
                written++;
            }
        }
        report(dropped);
        if (format != null) {
            logger.warn(format, arguments);
        }
    }

    /** Reports the lines suppressed in an interval that has ended; called now and then so none go unreported. */
    public void flush() {
        long dropped;
        synchronized (this) {
            dropped = roll();
        }
        report(dropped);
    }

    /** Starts a new interval when the current one has ended; answers the lines suppressed in the ended one. */
    private long roll() {
        long now = nanoClock.getAsLong();
        if (now - windowStart < intervalNanos) {
            return 0;
        }
        long dropped = suppressed;
        windowStart = now;
        written = 0;
        suppressed = 0;
        return dropped;
    }

    private void report(long dropped) {
        if (dropped > 0) {
            logger.warn("... {} more such lines suppressed (at most {} per {} ms)", dropped, linesPerInterval,
                    intervalNanos / 1_000_000);
        }
    }
}
