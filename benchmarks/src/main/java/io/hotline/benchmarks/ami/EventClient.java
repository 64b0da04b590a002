package io.hotline.benchmarks.ami;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One client of one measured flood: it logs in to the {@link EventFloodServer}, counts what reaches it in an
 * {@link EventTally} and is closed after the flood. Used once; not reusable. Started and closed by one thread; its
 * counting runs on asterisk-java's event pump.
 */
interface EventClient extends AutoCloseable {
    /** The user the flood server accepts. */
    String USERNAME = "bench";
    /** Its secret (the clients log in with the MD5 challenge, as against a real Asterisk). */
    String SECRET = "bench-secret";

    /** Connects to 127.0.0.1:{@code port} and starts logging in. */
    void start(int port) throws IOException;

    /** Waits, until {@code deadlineNanos} ({@link System#nanoTime()}), for the login and what follows it to finish. */
    boolean awaitReady(long deadlineNanos) throws InterruptedException;

    /** What reached this client. */
    EventTally tally();

    /** Waits, after the end marker, until what the client queued is consumed (Hotline's inbox drained). */
    boolean awaitSettled(long deadlineNanos) throws InterruptedException;

    /** Logs off and stops every thread the client started. */
    @Override
    void close();

    /** Waits on {@code latch} until {@code deadlineNanos} ({@link System#nanoTime()}); whether it opened. */
    static boolean awaitUntil(CountDownLatch latch, long deadlineNanos) throws InterruptedException {
        return latch.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
