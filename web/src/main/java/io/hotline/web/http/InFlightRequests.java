package io.hotline.web.http;

import java.time.Duration;

/**
 * Counts the requests the server has started but not yet answered, across all connections, so that closing the
 * server can let them finish. Thread-safe: event loops count, the closing thread waits.
 */
final class InFlightRequests {

    private int count;

    synchronized void started() {
        count++;
    }

    synchronized void finished() {
        count--;
        if (count == 0) {
            notifyAll();
        }
    }

    synchronized int count() {
        return count;
    }

    /** Waits until no request is in flight or {@code timeout} passes; whether none is in flight. */
    synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count > 0) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            // wait(ms) rather than Condition: one monitor is enough for a counter touched once per request.
            wait(Math.max(1, remaining / 1_000_000));
        }
        return true;
    }
}
