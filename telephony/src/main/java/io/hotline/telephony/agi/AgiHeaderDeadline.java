package io.hotline.telephony.agi;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request header (the {@code agi_*} block) is not complete within the deadline, so a
 * client that sends part of it and goes quiet, or trickles it byte by byte, holds nothing for long. Removes itself
 * once the request has been decoded; from then on the session's own timeouts apply. Sits after the decoder. One
 * per channel, not {@code @Sharable}; confined to the channel's event loop.
 */
final class AgiHeaderDeadline extends ChannelInboundHandlerAdapter {
    private final Duration timeout;
    private final AgiSessionObserver observer;
    private final RateLimitedLog log;
    private ScheduledFuture<?> deadline;

    AgiHeaderDeadline(Duration timeout, AgiSessionObserver observer, RateLimitedLog log) {
        this.timeout = timeout;
        this.observer = observer;
        this.log = log;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> expire(ctx), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        deadline.cancel(false);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof AgiRequest) {
            ctx.pipeline().remove(this);
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        deadline.cancel(false);
        ctx.fireChannelInactive();
    }

    private void expire(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        observer.headerTimedOut();
        log.warn("[{}] Closing FastAGI connection from {}: no complete request header within {} ms",
                ctx.channel().id().asShortText(), ctx.channel().remoteAddress(), timeout.toMillis());
        ctx.close();
    }
}
