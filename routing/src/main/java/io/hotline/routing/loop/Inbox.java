package io.hotline.routing.loop;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An engine's bounded multi-producer inbox. Producers (AMI listener, Netty event loops, HTTP handlers, the other
 * engine) {@link #offer} and never block; a full inbox refuses the event and counts it, so the producer can react
 * (an AMI producer schedules a resync) and health reports it. The engine's thread drains it in batches.
 * <p>
 * Thread-safe: any number of producers, one consumer. Open for extension only to give an engine's inbox a name of
 * its own ({@code RoutingInbox}); its behaviour is final.
 *
 * @param <E> the events it holds
 */
public class Inbox<E> {
    private final BlockingQueue<E> queue;
    private final AtomicLong refused = new AtomicLong();

    /**
     * An empty inbox.
     *
     * @param capacity how many events it holds before it refuses more; positive
     */
    public Inbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Queues {@code event} without blocking; false (and counted) when the inbox is full. */
    public final boolean offer(E event) {
        boolean accepted = queue.offer(event);
        if (!accepted) {
            refused.incrementAndGet();
        }
        return accepted;
    }

    /**
     * Waits up to {@code timeoutNanos} for an event, then moves it and up to {@code max - 1} more into {@code batch},
     * in the order they were offered.
     *
     * @return how many events were moved: 0 when none came in time
     * @throws InterruptedException when the consumer is interrupted while waiting
     */
    public final int drainTo(Collection<? super E> batch, int max, long timeoutNanos) throws InterruptedException {
        E first = queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        if (first == null) {
            return 0;
        }
        batch.add(first);
        return 1 + queue.drainTo(batch, max - 1);
    }

    /** Events waiting now. */
    public final int depth() {
        return queue.size();
    }

    /** Events refused because the inbox was full, since it was created. */
    public final long refused() {
        return refused.get();
    }
}
