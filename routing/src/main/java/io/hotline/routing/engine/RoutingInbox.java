package io.hotline.routing.engine;

import io.hotline.routing.loop.Inbox;

/**
 * The routing engine's inbox: an {@link Inbox} of {@link RoutingEvent}s, with nothing added. It stays a type of its
 * own, rather than {@code Inbox<RoutingEvent>} everywhere, so that its many producers (the FastAGI scripts, the AMI
 * view, the seats loaded on start) and their tests keep their signatures, and a signature still says which engine
 * an inbox feeds. Thread-safe, like every {@code Inbox}.
 */
public final class RoutingInbox extends Inbox<RoutingEvent> {

    /**
     * An empty inbox.
     *
     * @param capacity how many events it holds before it refuses more; positive
     */
    public RoutingInbox(int capacity) {
        super(capacity);
    }
}
