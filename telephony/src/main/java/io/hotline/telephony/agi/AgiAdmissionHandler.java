package io.hotline.telephony.agi;

import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decides, on the accept thread and before a connection is registered with an event loop, whether it is served:
 * its client address must be in the allow-list and the connection caps must have room. A refused connection is
 * closed at once, nothing read from it, and logged through the {@link RateLimitedLog}. Also turns accept failures
 * (such as the open-file limit) into rate-limited lines and a one-second pause of accepting, instead of Netty's
 * stack trace for each retry. Lives in the listening channel's pipeline, before Netty's acceptor; confined to
 * the accept thread.
 */
final class AgiAdmissionHandler extends ChannelInboundHandlerAdapter {
    private final List<CidrBlock> allowed;
    private final ConnectionCounter counter;
    private final AgiSessionObserver observer;
    private final RateLimitedLog log;

    AgiAdmissionHandler(AgiLimits limits, ConnectionCounter counter, AgiSessionObserver observer,
                        RateLimitedLog log) {
        this.allowed = limits.allowedClients();
        this.counter = counter;
        this.observer = observer;
        this.log = log;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        Channel child = (Channel) message;
        InetAddress address = clientAddress(child.remoteAddress());
        String refusal = address == null ? "no client address" : allowed(address) ? counter.admit(address)
                : "not an allowed client address (HOTLINE_AGI_ALLOW: " + allowed + ")";
        if (refusal != null) {
            observer.connectionRefused();
            log.warn("FastAGI refused a connection from {}: {}", address == null ? "?" : address.getHostAddress(),
                    refusal);
            // Not registered with any event loop yet: closing here reads nothing and costs no task.
            child.unsafe().closeForcibly();
            return;
        }
        // Released when the connection closes. (Should Netty fail to register it, which happens only while the
        // event loops shut down, it is closed without completing its close future: a count that no longer matters.)
        child.closeFuture().addListener(closed -> counter.release(address));
        ctx.fireChannelRead(child);
    }

    private boolean allowed(InetAddress address) {
        for (CidrBlock block : allowed) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static InetAddress clientAddress(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }

    /**
     * Accepting failed (typically EMFILE, the open-file limit): one rate-limited line without a stack trace, then
     * accepting pauses for a second as Netty's own acceptor would, so the pending connection does not spin the
     * accept thread. Not passed on: the pipeline's tail would log it with a stack trace on every retry.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("FastAGI cannot accept a connection ({}); pausing accepts for 1 s. Open connections: {}",
                cause.toString(), counter.open());
        ChannelConfig config = ctx.channel().config();
        if (config.isAutoRead()) {
            config.setAutoRead(false);
            ctx.channel().eventLoop().schedule(() -> config.setAutoRead(true), 1, TimeUnit.SECONDS);
        }
    }
}
