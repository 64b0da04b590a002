package io.hotline.benchmarks.agi;

import io.hotline.benchmarks.CommandLineOptions;
import io.hotline.telephony.agi.AgiDecoder;
import io.hotline.telephony.agi.AgiLimits;
import io.hotline.telephony.agi.AgiServer;
import io.hotline.telephony.agi.AgiServerConfig;
import io.hotline.telephony.agi.AgiSessionObserver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hotline's side of the FastAGI benchmark: the production {@link AgiServer} serving {@link HotlineRouteScript}
 * as {@code route}, on 127.0.0.1 with {@code workers} event-loop threads (1 by default: the benchmark pins the
 * server to one core). Started and closed from one thread.
 * <p>
 * {@code java -cp benchmarks.jar io.hotline.benchmarks.agi.HotlineAgiBenchServer [--port 14573]
 * [--hold-millis 0] [--workers 1] [--customers 5000] [--max-seconds 3600] [--max-connections 10000]} logs
 * {@code READY port=N} when it listens and stops by itself after {@code max-seconds}, or on SIGTERM. The
 * production {@link AgiLimits} apply (loopback clients, 5 s and 8 KiB for the request header); only the
 * connection cap, in total and per address, may be set.
 */
public final class HotlineAgiBenchServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HotlineAgiBenchServer.class);
    private static final Set<String> OPTIONS = Set.of("bind", "port", "hold-millis", "workers", "customers",
            "max-seconds", "max-connections");

    private final AgiServer server;
    private final InetSocketAddress address;

    private HotlineAgiBenchServer(AgiServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** Starts listening on {@code bindAddress:port} (0: an ephemeral port). */
    public static HotlineAgiBenchServer start(String bindAddress, int port, long holdMillis, int workers,
                                              RouteDecision decision) {
        return start(bindAddress, port, holdMillis, workers, decision, AgiLimits.DEFAULT_MAX_CONNECTIONS);
    }

    /** Starts listening with at most {@code maxConnections} connections, as many from one address. */
    public static HotlineAgiBenchServer start(String bindAddress, int port, long holdMillis, int workers,
                                              RouteDecision decision, int maxConnections) {
        // The production defaults (30 s command timeout, 4 h idle timeout, 8 KiB lines); only the threads differ.
        AgiLimits defaults = AgiLimits.defaults();
        AgiServerConfig config = new AgiServerConfig(bindAddress, port, Duration.ofSeconds(30), Duration.ofHours(4),
                AgiDecoder.DEFAULT_MAX_LINE_LENGTH, workers, defaults.withAdmission(defaults.allowedClients(),
                maxConnections, maxConnections));
        AgiServer server = new AgiServer(config, List.of(new HotlineRouteScript(decision, holdMillis)),
                AgiSessionObserver.NONE);
        return new HotlineAgiBenchServer(server, server.start());
    }

    /** The port it listens on. */
    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.close();
    }

    public static void main(String[] args) throws InterruptedException {
        CommandLineOptions options = CommandLineOptions.parse(args, OPTIONS);
        long holdMillis = options.number("hold-millis", 0);
        int workers = options.integer("workers", 1);
        RouteDecision decision = new RouteDecision(options.integer("customers", RouteDecision.DEFAULT_CUSTOMERS));
        CountDownLatch stopped = new CountDownLatch(1);
        try (HotlineAgiBenchServer server = start(options.text("bind", "127.0.0.1"), options.integer("port", 14573),
                holdMillis, workers, decision,
                options.integer("max-connections", AgiLimits.DEFAULT_MAX_CONNECTIONS))) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "bench-shutdown"));
            LOG.info("READY port={} server=hotline holdMillis={} workers={}", server.port(), holdMillis, workers);
            if (!stopped.await(options.number("max-seconds", 3600), TimeUnit.SECONDS)) {
                LOG.info("max-seconds reached; stopping");
            }
        }
    }
}
