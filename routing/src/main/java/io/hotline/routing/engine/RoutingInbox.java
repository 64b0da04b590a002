package io.hotline.routing.engine;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The routing engine's bounded multi-producer inbox. Producers (AMI listener, Netty event loops, HTTP handlers)
 * {@link #offer} and never block; a full inbox refuses the event and counts it, so the producer can react
 * (an AMI producer schedules a resync). The routing thread drains it in batches. Thread-safe.
 */
public final class RoutingInbox {
    private final BlockingQueue<RoutingEvent> queue;
    private final AtomicLong refused = new AtomicLong();

    public RoutingInbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Queues {@code event} without blocking; false (and counted) when the inbox is full. */
    public boolean offer(RoutingEvent event) {
        boolean accepted = queue.offer(event);
        if (!accepted) {
            refused.incrementAndGet();
        }
        return accepted;
    }

    /**
     * Waits up to {@code timeoutNanos} for an event, then moves it and up to {@code max - 1} more into {@code batch}.
     *
     * @return how many events were moved
     */
    public int drainTo(List<RoutingEvent> batch, int max, long timeoutNanos) throws InterruptedException {
        RoutingEvent first = queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        if (first == null) {
            return 0;
        }
        batch.add(first);
        return 1 + queue.drainTo(batch, max - 1);
    }

    /** Events waiting now. */
    public int depth() {
        return queue.size();
    }

    /** Events refused because the inbox was full, since start. */
    public long refused() {
        return refused.get();
    }
}
