package io.hotline.web.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds the pipeline of every accepted connection:
 * <ol>
 *   <li>{@code "idle"}: closes a connection with no traffic for {@value #IDLE_SECONDS} s;</li>
 *   <li>{@code "httpCodec"}: HTTP/1.1 decoding and encoding, with bounded request line and headers;</li>
 *   <li>{@code "aggregator"}: one full request per message, answering 413 above {@code maxRequestBytes};</li>
 *   <li>{@code "upgrade"}, when given: a handler that may take requests over before the dispatcher, e.g. the
 *       WebSocket upgrade of {@code web.push}, which then replaces {@code "idle"} and {@code "handler"};</li>
 *   <li>{@code "handler"}: the dispatcher, one per connection, routing each request to the route table.</li>
 * </ol>
 * Shared by all connections (it holds only immutable configuration and the thread-safe in-flight counter).
 */
public final class HttpServerInitializer extends ChannelInitializer<Channel> {

    /** Seconds without reads or writes after which a connection is closed. */
    public static final int IDLE_SECONDS = 60;
    /** The pipeline name of the idle timeout. */
    public static final String IDLE = "idle";
    /** The pipeline name of the handler that may take requests over before the dispatcher. */
    public static final String UPGRADE = "upgrade";
    /** The pipeline name of the dispatcher. */
    public static final String DISPATCHER = "handler";

    private static final int MAX_INITIAL_LINE_LENGTH = 4096;
    private static final int MAX_HEADER_SIZE = 8192;
    private static final int MAX_CHUNK_SIZE = 8192;

    private final HttpRoutes routes;
    private final Authenticator authenticator;
    private final HttpRequestObserver observer;
    private final int maxRequestBytes;
    private final Supplier<? extends ChannelHandler> upgrade;
    private final InFlightRequests inFlight = new InFlightRequests();

    /**
     * @param routes          the route table
     * @param authenticator   checks requests to {@link Access#AUTHENTICATED} routes
     * @param observer        hears about every answered request
     * @param maxRequestBytes the largest request body accepted
     */
    public HttpServerInitializer(HttpRoutes routes, Authenticator authenticator, HttpRequestObserver observer,
            int maxRequestBytes) {
        this(routes, authenticator, observer, maxRequestBytes, null);
    }

    /**
     * @param routes          the route table
     * @param authenticator   checks requests to {@link Access#AUTHENTICATED} routes
     * @param observer        hears about every answered request
     * @param maxRequestBytes the largest request body accepted
     * @param upgrade         makes the {@value #UPGRADE} handler of each new connection, or null for none
     */
    public HttpServerInitializer(HttpRoutes routes, Authenticator authenticator, HttpRequestObserver observer,
            int maxRequestBytes, Supplier<? extends ChannelHandler> upgrade) {
        this.upgrade = upgrade;
        this.routes = Objects.requireNonNull(routes, "routes");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.observer = Objects.requireNonNull(observer, "observer");
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be positive: " + maxRequestBytes);
        }
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void initChannel(Channel channel) {
        HttpDecoderConfig decoderConfig = new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_INITIAL_LINE_LENGTH)
                .setMaxHeaderSize(MAX_HEADER_SIZE)
                .setMaxChunkSize(MAX_CHUNK_SIZE);
        ChannelPipeline pipeline = channel.pipeline()
                .addLast(IDLE, new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
                .addLast("httpCodec", new HttpServerCodec(decoderConfig))
                .addLast("aggregator", new HttpObjectAggregator(maxRequestBytes));
        if (upgrade != null) {
            pipeline.addLast(UPGRADE, upgrade.get());
        }
        pipeline.addLast(DISPATCHER, new HttpRequestDispatcher(routes, authenticator, observer, inFlight));
    }

    /** Requests started but not yet answered, on all connections. */
    public int inFlightRequests() {
        return inFlight.count();
    }

    /**
     * Waits up to {@code timeout} for every in-flight request to be answered.
     *
     * @return whether none is in flight any more
     */
    public boolean awaitNoRequestsInFlight(Duration timeout) throws InterruptedException {
        return inFlight.awaitNone(timeout);
    }
}
