package io.hotline.web;

import io.hotline.routing.spi.HealthReport;
import io.hotline.web.health.HealthHandler;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.HttpRequestObserver;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.HttpServerInitializer;
import io.hotline.web.metrics.MetricsEndpoint;
import io.hotline.web.metrics.MetricsHandler;
import io.hotline.web.push.PushHub;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hotline's HTTP/1.1 server: Netty over NIO, serving a {@link HttpRoutes} table. The short constructor serves the
 * machine endpoints {@code GET /health} and {@code GET /metrics}; the long one takes any table, so that later
 * features add their routes with {@link #machineRoutes(Supplier, MetricsEndpoint)} as the starting point.
 *
 * <p>{@link #start()} binds; {@link #close()} stops accepting, lets requests in progress finish, then closes every
 * connection and ends the threads, all within about three seconds.
 *
 * <p>Thread-safe: {@code start} and {@code close} may be called from any thread. Connections are served on one
 * {@code http-boss} and a few {@code http-worker-N} event-loop threads, created by {@code start}.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final int WORKER_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final Duration UNBIND_TIMEOUT = Duration.ofMillis(500);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMillis(1200);
    private static final Duration PUSH_CLOSE_TIMEOUT = Duration.ofMillis(300);
    private static final Duration QUIET_PERIOD = Duration.ofMillis(100);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofMillis(1000);

    private final WebConfig config;
    private final HttpServerInitializer initializer;
    private final PushHub push;
    private final Object lifecycle = new Object();
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private Channel serverChannel;
    private boolean closed;

    /**
     * A server of the machine endpoints only.
     *
     * @param config  where to listen
     * @param health  the latest health report; must return a cached report without blocking
     * @param metrics the Prometheus scrape
     */
    public HttpServer(WebConfig config, Supplier<HealthReport> health, MetricsEndpoint metrics) {
        this(config, machineRoutes(health, metrics).build(), Authenticator.DENY_ALL, HttpRequestObserver.NO_OP);
    }

    /**
     * A server of any route table.
     *
     * @param config        where to listen
     * @param routes        the routes to serve
     * @param authenticator checks requests to authenticated routes
     * @param observer      hears about every answered request (for the request timer)
     */
    public HttpServer(WebConfig config, HttpRoutes routes, Authenticator authenticator,
            HttpRequestObserver observer) {
        this.config = Objects.requireNonNull(config, "config");
        this.initializer = new HttpServerInitializer(routes, authenticator, observer, config.maxRequestBytes());
        this.push = null;
    }

    /**
     * A server of any route table and of the WebSocket push endpoint at {@code push.config().path()}, whose
     * upgrades are authenticated by the same {@code authenticator} as the routes.
     *
     * @param config        where to listen
     * @param routes        the routes to serve
     * @param authenticator checks requests to authenticated routes and push upgrades
     * @param observer      hears about every answered request (for the request timer)
     * @param push          the push hub whose connections this server accepts
     */
    public HttpServer(WebConfig config, HttpRoutes routes, Authenticator authenticator,
            HttpRequestObserver observer, PushHub push) {
        this.config = Objects.requireNonNull(config, "config");
        this.push = Objects.requireNonNull(push, "push");
        Objects.requireNonNull(authenticator, "authenticator");
        this.initializer = new HttpServerInitializer(routes, authenticator, observer, config.maxRequestBytes(),
                () -> push.newUpgradeHandler(authenticator));
    }

    /**
     * A route table holding {@code GET /health} (readiness, also as {@code /health/ready}), {@code GET
     * /health/live} (liveness) and {@code GET /metrics}, ready for more routes.
     */
    public static HttpRoutes.Builder machineRoutes(Supplier<HealthReport> health, MetricsEndpoint metrics) {
        return HttpRoutes.builder().add(HealthHandler.route(health)).add(HealthHandler.readyRoute(health))
                .add(HealthHandler.liveRoute()).add(MetricsHandler.route(metrics));
    }

    /**
     * Starts the threads and listens.
     *
     * @return the address actually bound (its port is the ephemeral one when the configured port is 0)
     * @throws HttpServerException   if the address cannot be bound
     * @throws IllegalStateException if already started or closed
     */
    public InetSocketAddress start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("HTTP server is closed");
            }
            if (serverChannel != null) {
                throw new IllegalStateException("HTTP server already started");
            }
            bossGroup = new MultiThreadIoEventLoopGroup(1, new EventLoopThreadFactory("http-boss", false),
                    NioIoHandler.newFactory());
            workerGroup = new MultiThreadIoEventLoopGroup(WORKER_THREADS,
                    new EventLoopThreadFactory("http-worker", true), NioIoHandler.newFactory());
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(bossGroup, workerGroup)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 256)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(initializer);
            try {
                // A literal address (ops validated it) or localhost: no DNS query either way.
                InetAddress address = InetAddress.getByName(config.bindAddress());
                serverChannel = bootstrap.bind(address, config.port()).sync().channel();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                shutdownGroups();
                throw new HttpServerException("HTTP server cannot listen on " + config.bindAddress() + ":"
                        + config.port() + ": " + e.getMessage(), e);
            }
            InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
            LOG.info("HTTP server listening on {}:{}", bound.getHostString(), bound.getPort());
            return bound;
        }
    }

    /**
     * Stops accepting connections, closes push connections with 1001 (waiting up to 0.3 s for their close frames),
     * waits up to 1.2 s for requests in progress to be answered, then closes all connections and ends the event-loop
     * threads. Idempotent; a server never started just becomes closed.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            if (serverChannel == null) {
                return;
            }
            serverChannel.close().awaitUninterruptibly(UNBIND_TIMEOUT.toMillis());
            if (push != null && !push.closeAll(PUSH_CLOSE_TIMEOUT)) {
                // Pages that did not take their 1001 see the socket close and reconnect all the same.
                LOG.info("Closing the HTTP server before every push connection took its close frame");
            }
            try {
                if (!initializer.awaitNoRequestsInFlight(DRAIN_TIMEOUT)) {
                    LOG.warn("Closing the HTTP server with {} requests still in progress",
                            initializer.inFlightRequests());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            shutdownGroups();
            LOG.info("HTTP server closed");
        }
    }

    private void shutdownGroups() {
        Future<?> boss = bossGroup.shutdownGracefully(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Future<?> workers = workerGroup.shutdownGracefully(QUIET_PERIOD.toMillis(), SHUTDOWN_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS);
        // Both shut down in parallel; waiting a little past their timeout covers their last loop turn.
        long waitMillis = SHUTDOWN_TIMEOUT.toMillis() + 200;
        boss.awaitUninterruptibly(waitMillis);
        workers.awaitUninterruptibly(waitMillis);
    }
}
