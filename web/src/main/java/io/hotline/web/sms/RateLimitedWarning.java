package io.hotline.web.sms;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * One kind of warning about something outside Hotline's control (a gateway that cannot be reached, an inbox that
 * fails under a flood), written at most once per interval: the lines left out in between are counted and the next
 * line written says how many. Thread-safe (lock-free).
 */
final class RateLimitedWarning {
    private final Logger logger;
    private final long intervalNanos;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    RateLimitedWarning(Logger logger, Duration interval) {
        this.logger = logger;
        this.intervalNanos = interval.toNanos();
    }

    /** Logs {@code format} (an SLF4J pattern, never a secret) at WARN, unless one was written within the interval. */
    void warn(String format, Object... arguments) {
        long now = System.nanoTime();
        long allowed = nextAllowed.get();
        if ((allowed != Long.MIN_VALUE && now - allowed < 0) || !nextAllowed.compareAndSet(allowed,
                now + intervalNanos)) {
            suppressed.incrementAndGet();
            return;
        }
        logger.warn(format, arguments);
        long left = suppressed.getAndSet(0);
        if (left > 0) {
            logger.warn("... and {} more such warnings in the last {} s", left, intervalNanos / 1_000_000_000L);
        }
    }
}
