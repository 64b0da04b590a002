package io.hotline.app.people;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The bounded executor of password hashing and account writes: two {@code accounts-N} threads (each hash takes
 * 19 MiB and tens of milliseconds of one core) and a queue of {@link #QUEUE} tasks; beyond it a task is refused
 * with {@link java.util.concurrent.RejectedExecutionException} and the sign-in answered "unavailable", so a burst
 * of sign-ins cannot take the machine. Thread-safe.
 */
final class AccountsExecutor implements AutoCloseable {
    /** Tasks waiting at most. */
    static final int QUEUE = 256;
    private static final int THREADS = 2;

    private final ThreadPoolExecutor pool;

    AccountsExecutor() {
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                runnable -> {
                    Thread thread = new Thread(runnable, "accounts-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Runs {@code work} on a pool thread; throws RejectedExecutionException when the queue is full. */
    <T> CompletableFuture<T> submit(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, pool);
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
