package io.hotline.web;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names event-loop threads {@code name} (a single-thread group) or {@code name-1}, {@code name-2}, ..., as
 * {@link FastThreadLocalThread}s like Netty's own factory, so that Netty's thread-locals take their fast path.
 * Non-daemon: the server's {@code close()} ends them. Thread-safe.
 */
final class EventLoopThreadFactory implements ThreadFactory {

    private final String name;
    private final boolean numbered;
    private final AtomicInteger counter = new AtomicInteger();

    EventLoopThreadFactory(String name, boolean numbered) {
        this.name = name;
        this.numbered = numbered;
    }

    @Override
    public Thread newThread(Runnable task) {
        return new FastThreadLocalThread(task, numbered ? name + "-" + counter.incrementAndGet() : name);
    }
}
