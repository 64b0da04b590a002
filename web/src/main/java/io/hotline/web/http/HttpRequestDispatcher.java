package io.hotline.web.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each decoded request of one connection to its handler and writes the reply. Answers on its own: 400
 * (then closes) for a request that could not be decoded, 404 for an unknown path, 405 with {@code Allow} for a
 * known path with another method, 401 with {@code WWW-Authenticate} when a protected route's authenticator
 * refuses, and a generic 500 when a handler fails (the cause is logged with the channel id, never sent).
 *
 * <p>Requests are answered strictly in order, one at a time: while one is in progress, later (pipelined) ones
 * wait in a queue and reading stops, so a client cannot pile up work. Keep-alive follows the request.
 *
 * <p>One per channel, not {@code @Sharable}; confined to the channel's event loop (handler completions from other
 * threads are handed back to it).
 */
final class HttpRequestDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(HttpRequestDispatcher.class);

    private final HttpRoutes routes;
    private final Authenticator authenticator;
    private final HttpRequestObserver observer;
    private final InFlightRequests inFlight;
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private boolean busy;

    HttpRequestDispatcher(HttpRoutes routes, Authenticator authenticator, HttpRequestObserver observer,
            InFlightRequests inFlight) {
        this.routes = routes;
        this.authenticator = authenticator;
        this.observer = observer;
        this.inFlight = inFlight;
    }

    /**
     * A request copied out of its buffers, waiting for or being answered.
     *
     * @param request the request; null when it could not be decoded
     * @param failure why it could not be decoded; null when it could
     */
    private record Exchange(long startNanos, HttpVersion version, boolean keepAlive, boolean head,
            RouteRequest request, Throwable failure) {
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        // The copy lets SimpleChannelInboundHandler release the buffer now, whatever happens to the exchange.
        Exchange exchange = toExchange(request, remoteAddress(ctx));
        if (busy) {
            waiting.add(exchange);
            ctx.channel().config().setAutoRead(false);
        } else {
            process(ctx, exchange);
        }
    }

    private static String remoteAddress(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress address && address.getAddress() != null
                ? address.getAddress().getHostAddress() : "";
    }

    private static Exchange toExchange(FullHttpRequest request, String remoteAddress) {
        long startNanos = System.nanoTime();
        boolean head = HttpMethod.HEAD.equals(request.method());
        if (request.decoderResult().isFailure()) {
            return new Exchange(startNanos, HttpVersion.HTTP_1_1, false, head, null, request.decoderResult().cause());
        }
        try {
            RouteRequest routeRequest = RouteRequest.of(request.method(), request.uri(), request.headers(),
                    ByteBufUtil.getBytes(request.content())).withRemoteAddress(remoteAddress);
            return new Exchange(startNanos, request.protocolVersion(), HttpUtil.isKeepAlive(request), head,
                    routeRequest, null);
        } catch (IllegalArgumentException e) {
            // A malformed percent-encoding in the path or query.
            return new Exchange(startNanos, request.protocolVersion(), false, head, null, e);
        }
    }

    private void process(ChannelHandlerContext ctx, Exchange exchange) {
        busy = true;
        inFlight.started();
        if (exchange.failure() != null) {
            LOG.debug("Bad HTTP request on channel {}: {}", ctx.channel().id().asShortText(),
                    exchange.failure().toString());
            finish(ctx, exchange, HttpRoutes.BAD_REQUEST, badRequest(exchange.failure()));
            return;
        }
        RouteRequest request = exchange.request();
        Optional<HttpRoutes.RouteMatch> found = routes.match(request.method(), request.path());
        if (found.isEmpty()) {
            finish(ctx, exchange, noRoute(request));
            return;
        }
        HttpRoute route = found.get().route();
        if (!found.get().pathParameters().isEmpty()) {
            request = request.withPathParameters(found.get().pathParameters());
        }
        try {
            if (route.access() == Access.AUTHENTICATED) {
                Optional<AuthenticatedUser> user = authenticator.authenticate(request);
                if (user.isEmpty()) {
                    finish(ctx, exchange, route.name(), HttpReply.error(HttpResponseStatus.UNAUTHORIZED,
                            "unauthenticated", "This resource requires authentication.")
                            .withHeader(HttpHeaderNames.WWW_AUTHENTICATE.toString(), authenticator.challenge()));
                    return;
                }
                request = request.withUser(user.get());
            }
            CompletionStage<HttpReply> reply = route.handler().handle(request);
            reply.whenComplete((answer, error) -> onEventLoop(ctx, () -> complete(ctx, exchange, route, answer,
                    error)));
        } catch (RuntimeException e) {
            complete(ctx, exchange, route, null, e);
        }
    }

    private void finish(ChannelHandlerContext ctx, Exchange exchange, RoutedReply routed) {
        finish(ctx, exchange, routed.route(), routed.reply());
    }

    /** A reply with the route name it is observed under. */
    private record RoutedReply(String route, HttpReply reply) {
    }

    private RoutedReply noRoute(RouteRequest request) {
        Set<HttpMethod> allowed = routes.allowedMethods(request.path());
        if (allowed.isEmpty()) {
            return new RoutedReply(HttpRoutes.NOT_FOUND, HttpReply.error(HttpResponseStatus.NOT_FOUND, "not_found",
                    "There is nothing at this path."));
        }
        String allow = allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
        return new RoutedReply(HttpRoutes.METHOD_NOT_ALLOWED,
                HttpReply.error(HttpResponseStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                        "This path does not support " + request.method().name() + "; use " + allow + ".")
                        .withHeader(HttpHeaderNames.ALLOW.toString(), allow));
    }

    private static HttpReply badRequest(Throwable failure) {
        if (failure instanceof TooLongHttpLineException) {
            return HttpReply.error(HttpResponseStatus.REQUEST_URI_TOO_LONG, "uri_too_long",
                    "The request line is too long.");
        }
        if (failure instanceof TooLongHttpHeaderException) {
            return HttpReply.error(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers_too_large",
                    "The request headers are too large.");
        }
        return HttpReply.error(HttpResponseStatus.BAD_REQUEST, "bad_request", "The request is not valid HTTP.");
    }

    private void complete(ChannelHandlerContext ctx, Exchange exchange, HttpRoute route, HttpReply reply,
            Throwable error) {
        if (error != null || reply == null) {
            LOG.error("Route {} failed on channel {}", route.name(), ctx.channel().id().asShortText(),
                    error != null ? error : new NullPointerException("handler returned no reply"));
            finish(ctx, exchange, route.name(), HttpReply.error(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    "internal_error", "The server could not answer this request."));
        } else {
            finish(ctx, exchange, route.name(), reply);
        }
    }

    private void onEventLoop(ChannelHandlerContext ctx, Runnable task) {
        if (ctx.executor().inEventLoop()) {
            task.run();
            return;
        }
        try {
            ctx.executor().execute(task);
        } catch (RejectedExecutionException e) {
            // The server is shutting down and this connection with it; the reply has nowhere to go.
            inFlight.finished();
            LOG.debug("Dropped a late reply on channel {}: event loop shut down", ctx.channel().id().asShortText());
        }
    }

    private void finish(ChannelHandlerContext ctx, Exchange exchange, String routeName, HttpReply reply) {
        boolean keepAlive = exchange.keepAlive() && exchange.failure() == null;
        FullHttpResponse response = toResponse(exchange, reply);
        HttpUtil.setKeepAlive(response, keepAlive);
        int status = reply.status().code();
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) written -> {
            inFlight.finished();
            observe(routeName, status, System.nanoTime() - exchange.startNanos());
            if (!keepAlive || !written.isSuccess()) {
                ctx.close();
                return;
            }
            busy = false;
            Exchange next = waiting.poll();
            if (next != null) {
                process(ctx, next);
            } else if (!ctx.channel().config().isAutoRead()) {
                ctx.channel().config().setAutoRead(true);
            }
        });
    }

    private static FullHttpResponse toResponse(Exchange exchange, HttpReply reply) {
        byte[] body = reply.content();
        FullHttpResponse response = new DefaultFullHttpResponse(exchange.version(), reply.status(),
                exchange.head() ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, reply.contentType())
                // HEAD: the length the GET body would have (RFC 9110, 9.3.2).
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        reply.headers().forEach(response.headers()::set);
        return response;
    }

    private void observe(String routeName, int status, long nanos) {
        try {
            observer.onRequest(routeName, status, nanos);
        } catch (RuntimeException e) {
            LOG.warn("HTTP request observer failed for route {}", routeName, e);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent && !busy) {
            LOG.debug("Closing idle HTTP connection {}", ctx.channel().id().asShortText());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        // Nothing to release: waiting exchanges hold copies, not buffers.
        waiting.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("HTTP connection {} failed: {}", ctx.channel().id().asShortText(), cause.toString());
        } else {
            LOG.warn("Closing HTTP connection {} after an unexpected error", ctx.channel().id().asShortText(), cause);
        }
        ctx.close();
    }
}
