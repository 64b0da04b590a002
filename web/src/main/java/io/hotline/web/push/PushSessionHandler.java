package io.hotline.web.push;

import io.hotline.web.http.Json;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one upgraded push connection: answers the page's {@code {"type":"ping"}} with {@code {"type":"pong"}} and
 * protocol pings with pongs, echoes a close, refuses binary frames (1003), and closes the connection (1001) when
 * no frame came from the client within the idle timeout. Everything else the page says is ignored: pages act
 * through the HTTP API, not through this channel.
 *
 * <p>One per channel, not {@code @Sharable}; confined to the channel's event loop.
 */
final class PushSessionHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger LOG = LoggerFactory.getLogger(PushSessionHandler.class);
    /** RFC 6455 7.4.1: a data type the endpoint cannot accept. */
    private static final int UNSUPPORTED_DATA = 1003;

    private final PushHub hub;
    private final PushConnection connection;
    private final WebSocketServerHandshaker handshaker;

    PushSessionHandler(PushHub hub, PushConnection connection, WebSocketServerHandshaker handshaker) {
        this.hub = hub;
        this.connection = connection;
        this.handshaker = handshaker;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame text) {
            onText(ctx, text.text());
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame) {
            // The client is leaving: answer its close and end the connection (RFC 6455 5.5.1).
            handshaker.close(ctx, (CloseWebSocketFrame) frame.retain());
        } else if (frame instanceof BinaryWebSocketFrame) {
            connection.close(UNSUPPORTED_DATA, "binary frames are not accepted");
        }
    }

    private void onText(ChannelHandlerContext ctx, String text) {
        String type = Json.readTree(text).map(tree -> tree.path("type").asText("")).orElse("");
        if ("ping".equals(type)) {
            if (!connection.isClosing()) {
                ctx.writeAndFlush(new TextWebSocketFrame(hub.encode("pong", Map.of())));
            }
        } else {
            LOG.debug("Ignored a push client message of type '{}' on channel {}", type, connection.id());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            LOG.debug("Closing idle push connection {} of {}", connection.id(), connection.user().name());
            connection.close(PushConnection.GOING_AWAY, "idle");
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("Push connection {} failed: {}", connection.id(), cause.toString());
        } else {
            LOG.warn("Closing push connection {} after an unexpected error", connection.id(), cause);
        }
        ctx.close();
    }
}
