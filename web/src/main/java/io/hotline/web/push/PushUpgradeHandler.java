package io.hotline.web.push;

import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpServerInitializer;
import io.hotline.web.http.RouteRequest;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over the HTTP requests to the push path and upgrades them to WebSocket connections of a {@link PushHub};
 * passes every other request on to the dispatcher. Refuses, and leaves the connection HTTP: 405 for another method
 * than {@code GET}, 403 when an {@code Origin} header does not match {@code Host} (a page of another site), 401 with
 * {@code WWW-Authenticate} when the authenticator refuses (a session cookie or {@code Authorization: Bearer}), 426
 * without the upgrade headers, and Netty's 426 for an unsupported WebSocket version.
 *
 * <p>The query's {@code topic} parameters name the topics the connection follows ({@code /ws?topic=wallboard});
 * the subprotocol {@link PushHub#SUBPROTOCOLS} is echoed when the page offers it.
 *
 * <p>Once upgraded, the connection's pipeline is: reader-idle timeout, WebSocket codec, frame aggregator and the
 * {@link PushSessionHandler}; its write buffer's high water mark is the hub's per-connection bound.
 *
 * <p>One per channel, not {@code @Sharable}; confined to the channel's event loop.
 */
final class PushUpgradeHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PushUpgradeHandler.class);
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z_]{0,31}");
    private static final int MAX_TOPICS = 4;
    private static final String TOKEN_PROTOCOL = "bearer.";

    private final PushHub hub;
    private final Authenticator authenticator;

    PushUpgradeHandler(PushHub hub, Authenticator authenticator) {
        this.hub = hub;
        this.authenticator = authenticator;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request) || request.decoderResult().isFailure()
                || !isPushPath(request.uri())) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            upgrade(ctx, request);
        } finally {
            request.release();
        }
    }

    private boolean isPushPath(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        return path.equals(hub.config().path());
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!HttpMethod.GET.equals(request.method())) {
            refuse(ctx, HttpReply.error(HttpResponseStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                    "This path takes WebSocket upgrades only; use GET.").withHeader("Allow", "GET"));
            return;
        }
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin != null && !Origins.sameOrigin(origin, request.headers().get(HttpHeaderNames.HOST))) {
            refuse(ctx, HttpReply.error(HttpResponseStatus.FORBIDDEN, "forbidden",
                    "WebSocket connections are accepted from Hotline's own pages only."));
            return;
        }
        Optional<AuthenticatedUser> user = authenticate(ctx, request);
        if (user.isEmpty()) {
            refuse(ctx, HttpReply.error(HttpResponseStatus.UNAUTHORIZED, "unauthenticated",
                    "This resource requires authentication.")
                    .withHeader(HttpHeaderNames.WWW_AUTHENTICATE.toString(), authenticator.challenge()));
            return;
        }
        if (!isUpgrade(request)) {
            refuse(ctx, HttpReply.error(HttpResponseStatus.UPGRADE_REQUIRED, "upgrade_required",
                    "This path takes WebSocket upgrades only.").withHeader("Upgrade", "websocket"));
            return;
        }
        withoutTokens(request.headers());
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                "ws://" + request.headers().get(HttpHeaderNames.HOST) + hub.config().path(), PushHub.SUBPROTOCOLS,
                false,
                hub.config().maxFrameBytes()).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel())
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        AuthenticatedUser authenticated = user.get();
        Set<String> topics = topics(request.uri());
        handshaker.handshake(ctx.channel(), request).addListener((ChannelFutureListener) done -> {
            if (done.isSuccess()) {
                becomePush(ctx, handshaker, authenticated, topics);
            } else {
                LOG.debug("WebSocket handshake failed on channel {}: {}", ctx.channel().id().asShortText(),
                        String.valueOf(done.cause()));
                ctx.close();
            }
        });
    }

    private Optional<AuthenticatedUser> authenticate(ChannelHandlerContext ctx, FullHttpRequest request) {
        try {
            return authenticator.authenticate(RouteRequest.of(request.method(), request.uri(), request.headers(),
                    new byte[0]));
        } catch (RuntimeException e) {
            // A malformed URI or a failing authenticator: refused like an unknown token, and logged.
            LOG.warn("Push upgrade on channel {} could not be authenticated", ctx.channel().id().asShortText(), e);
            return Optional.empty();
        }
    }

    private static boolean isUpgrade(FullHttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
                && request.headers().contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    /**
     * Drops the subprotocols that carry a token ({@code bearer.<token>}, read by the authenticator already) from the
     * handshake's headers, so that the handshaker, which may log the subprotocols it cannot serve, never sees one.
     */
    static void withoutTokens(HttpHeaders headers) {
        List<String> kept = new ArrayList<>();
        for (String header : headers.getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
            for (String protocol : header.split(",")) {
                String offered = protocol.trim();
                if (!offered.isEmpty() && !offered.regionMatches(true, 0, TOKEN_PROTOCOL, 0, TOKEN_PROTOCOL.length())) {
                    kept.add(offered);
                }
            }
        }
        headers.remove(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
        if (!kept.isEmpty()) {
            headers.set(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, String.join(", ", kept));
        }
    }

    /** The topics the page asked for ({@code ?topic=wallboard}): at most a few short lower-case names. */
    static Set<String> topics(String uri) {
        List<String> asked = new QueryStringDecoder(uri).parameters().getOrDefault("topic", List.of());
        Set<String> topics = new HashSet<>();
        for (String topic : asked) {
            if (topics.size() < MAX_TOPICS && TOPIC.matcher(topic).matches()) {
                topics.add(topic);
            }
        }
        return topics;
    }

    private void becomePush(ChannelHandlerContext ctx, WebSocketServerHandshaker handshaker,
            AuthenticatedUser user, Set<String> topics) {
        ChannelPipeline pipeline = ctx.pipeline();
        PushConfig config = hub.config();
        ctx.channel().config().setWriteBufferWaterMark(
                new WriteBufferWaterMark(config.maxQueuedBytes() / 2, config.maxQueuedBytes()));
        pipeline.replace(HttpServerInitializer.IDLE, HttpServerInitializer.IDLE,
                new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        PushConnection connection = new PushConnection(ctx.channel(), user, hub.seatOf(user), topics, hub);
        pipeline.addBefore(HttpServerInitializer.DISPATCHER, "frameAggregator",
                new WebSocketFrameAggregator(config.maxFrameBytes()));
        pipeline.replace(HttpServerInitializer.DISPATCHER, "push",
                new PushSessionHandler(hub, connection, handshaker));
        pipeline.remove(this);
        hub.register(connection);
    }

    private static void refuse(ChannelHandlerContext ctx, HttpReply reply) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                reply.status(), Unpooled.wrappedBuffer(reply.content()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, reply.contentLength());
        reply.headers().forEach(response.headers()::set);
        HttpUtil.setKeepAlive(response, false);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
