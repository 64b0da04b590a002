package io.hotline.web.push;

import io.hotline.web.http.AuthenticatedUser;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open push connection: its channel, who is on it, the topics it asked for when it opened, and whether it is
 * closing. Thread-safe: senders on any
 * thread queue frames on the channel's event loop; once closing, it takes no more messages.
 */
final class PushConnection {

    /** RFC 6455 7.4.1: the endpoint is going away (server stopping, connection idle). */
    static final int GOING_AWAY = 1001;
    /** RFC 6455 7.4.1: the message violates policy; used when the user's session ends. */
    static final int POLICY_VIOLATION = 1008;
    /** RFC 6455 7.4.1: an unexpected condition on the server. */
    static final int INTERNAL_ERROR = 1011;
    /** IANA WebSocket close code: try again later (the connection fell too far behind). */
    static final int TRY_AGAIN_LATER = 1013;

    /** How long a closing connection has to take its close frame before the socket is closed regardless. */
    private static final long CLOSE_GRACE_MILLIS = 2000;

    private final Channel channel;
    private final AuthenticatedUser user;
    private final Optional<String> seat;
    private final Set<String> topics;
    private final PushHub hub;
    private final AtomicBoolean closing = new AtomicBoolean();

    PushConnection(Channel channel, AuthenticatedUser user, Optional<String> seat, Set<String> topics, PushHub hub) {
        this.channel = channel;
        this.user = user;
        this.seat = seat;
        this.topics = Set.copyOf(topics);
        this.hub = hub;
    }

    /** Whether the page asked for {@code topic} when it opened the connection ({@code /ws?topic=...}). */
    boolean follows(String topic) {
        return topics.contains(topic);
    }

    Channel channel() {
        return channel;
    }

    AuthenticatedUser user() {
        return user;
    }

    Optional<String> seat() {
        return seat;
    }

    String id() {
        return channel.id().asShortText();
    }

    boolean isClosing() {
        return closing.get();
    }

    /**
     * Queues one message (a retained duplicate of {@code message}) unless the connection is closing or its queue
     * is over its bound, in which case it is closed as a slow consumer.
     *
     * @return whether the message was queued
     */
    boolean offer(ByteBuf message) {
        if (closing.get() || !channel.isActive()) {
            return false;
        }
        // Writability counts bytes flushed-pending and, for writes from other threads, bytes still in the event
        // loop's task queue: the queue is bounded whichever thread sends.
        if (!channel.isWritable()) {
            if (close(TRY_AGAIN_LATER, "slow consumer")) {
                hub.countDropped(this);
            }
            return false;
        }
        channel.writeAndFlush(new TextWebSocketFrame(message.retainedDuplicate()), channel.voidPromise());
        return true;
    }

    /**
     * Sends a close frame with {@code status} behind what is queued and closes the socket once it is written, or
     * after a short grace if the client does not take it; nothing more is queued meanwhile.
     *
     * @return whether this call began the closing (false if it was already closing)
     */
    boolean close(int status, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return false;
        }
        channel.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(ChannelFutureListener.CLOSE);
        try {
            channel.eventLoop().schedule(() -> {
                channel.close();
            }, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The event loop is shutting down and closes the channel itself.
            channel.close();
        }
        return true;
    }
}
