package io.hotline.ops.health;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named {@code prefix} (when {@code numbered} is false, for a single-thread pool) or
 * {@code prefix-1}, {@code prefix-2}, ... Thread-safe.
 */
final class NamedThreadFactory implements ThreadFactory {

    private final String prefix;
    private final boolean numbered;
    private final AtomicInteger counter = new AtomicInteger();

    NamedThreadFactory(String prefix, boolean numbered) {
        this.prefix = prefix;
        this.numbered = numbered;
    }

    @Override
    public Thread newThread(Runnable task) {
        String name = numbered ? prefix + "-" + counter.incrementAndGet() : prefix;
        Thread thread = new Thread(task, name);
        // Health checking must never keep the JVM alive on its own.
        thread.setDaemon(true);
        return thread;
    }
}
