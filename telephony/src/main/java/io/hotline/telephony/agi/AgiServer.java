package io.hotline.telephony.agi;

import io.hotline.routing.HotlineException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server: Asterisk's {@code AGI(agi://host:4573/script?...)} connects here, and each connection is
 * served by the {@link AgiScript} its path names. Tens of thousands of callers can wait inside their sessions on
 * a few event-loop threads (unlike asterisk-java's thread per call, 500 at most). Threads are named
 * {@code agi-boss} and {@code agi-worker-N}. Start and close from one lifecycle thread.
 * <p>
 * FastAGI has no authentication, so the server guards itself ({@link AgiLimits}): a connection from an address
 * outside the allow-list, or beyond the connection caps, is closed on the accept thread before anything is read
 * from it; the request header must arrive within its deadline and size caps. What such input causes is logged
 * through {@link RateLimitedLog}s, so no input makes the server log more than a few lines per second.
 */
public final class AgiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgiServer.class);
    /** File descriptors the rest of Hotline needs besides FastAGI connections (database, HTTP, jars, logs). */
    private static final int OTHER_FILES = 512;
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private final AgiServerConfig config;
    private final Map<String, AgiScript> scripts = new HashMap<>();
    private final AgiSessionObserver observer;
    private final ChannelGroup connections = new DefaultChannelGroup("agi", GlobalEventExecutor.INSTANCE);
    private final ConnectionCounter counter;
    private final RateLimitedLog refusals = new RateLimitedLog(LOG, 10, LOG_INTERVAL);
    private final RateLimitedLog sessionLog =
            new RateLimitedLog(LoggerFactory.getLogger(AgiSessionHandler.class), 20, LOG_INTERVAL);
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel listener;
    /** Set by {@link #close()} first: a connection accepted from then on is closed, not served nor left open. */
    private volatile boolean closing;

    public AgiServer(AgiServerConfig config, List<AgiScript> scripts, AgiSessionObserver observer) {
        this.config = config;
        this.observer = observer;
        this.counter = new ConnectionCounter(config.limits().maxConnections(),
                config.limits().maxConnectionsPerAddress());
        for (AgiScript script : scripts) {
            if (this.scripts.put(script.name(), script) != null) {
                throw new IllegalArgumentException("two AGI scripts named " + script.name());
            }
        }
    }

    /** Binds and returns the address it listens on. */
    public InetSocketAddress start() {
        boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("agi-boss", true),
                NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(config.workerThreads(),
                new DefaultThreadFactory("agi-worker", true), NioIoHandler.newFactory());
        AgiServerInitializer initializer = new AgiServerInitializer(config, scripts, observer, sessionLog);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(new AgiAdmissionHandler(config.limits(), counter, observer, refusals))
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new io.netty.channel.ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) throws Exception {
                        connections.add(channel);
                        if (closing) {
                            // Accepted while the server stops, perhaps after the group was closed: nothing would
                            // ever answer or close it, and Asterisk would wait on it until its own timeout.
                            channel.close();
                            return;
                        }
                        channel.pipeline().addLast(initializer);
                    }
                });
        try {
            listener = bootstrap.bind(config.bindAddress(), config.port()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new AgiServerException("interrupted while binding the FastAGI server", e);
        } catch (RuntimeException e) {
            close();
            throw new AgiServerException("cannot listen for FastAGI on " + config.bindAddress() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        // Suppressed lines are reported even when the flood that caused them has stopped.
        boss.scheduleAtFixedRate(() -> {
            refusals.flush();
            sessionLog.flush();
        }, LOG_INTERVAL.toMillis(), LOG_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        InetSocketAddress address = (InetSocketAddress) listener.localAddress();
        AgiLimits limits = config.limits();
        LOG.info("FastAGI server listening on {}:{} (scripts {}; clients {}; at most {} connections, {} per"
                + " address)", address.getAddress().getHostAddress(), address.getPort(), scripts.keySet(),
                limits.allowedClients(), limits.maxConnections(), limits.maxConnectionsPerAddress());
        warnIfFileLimitIsLow(limits.maxConnections());
        return address;
    }

    /** Each connection is an open file: a cap above the process's file limit would fail accepts, not refuse. */
    private static void warnIfFileLimitIsLow(int maxConnections) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix
                && unix.getMaxFileDescriptorCount() < (long) maxConnections + OTHER_FILES) {
            LOG.warn("The open-file limit is {}, too low for {} FastAGI connections and Hotline's own files: raise"
                    + " it (ulimit -n; the hotline launcher raises it to the hard limit) or lower"
                    + " HOTLINE_AGI_MAX_CONNECTIONS", unix.getMaxFileDescriptorCount(), maxConnections);
        }
    }

    /** Connections open now. */
    public int connections() {
        return connections.size();
    }

    /** Stops accepting, closes every session (Asterisk continues their dialplans) and stops the threads. */
    @Override
    public void close() {
        closing = true;
        if (listener != null) {
            listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        refusals.flush();
        sessionLog.flush();
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        }
        if (listener != null) {
            LOG.info("FastAGI server closed");
        }
    }

    /** The FastAGI server could not start. */
    public static final class AgiServerException extends HotlineException {
        private static final long serialVersionUID = 1L;

        AgiServerException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
