package io.hotline.benchmarks.agi;

import io.hotline.benchmarks.CommandLineOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer of the FastAGI benchmark: asterisk-java's {@link DefaultAgiServer} with its default pool (core 10,
 * at most 500 threads, a {@code SynchronousQueue}: the 501st concurrent call is rejected and its socket closed),
 * mapping {@code route} to {@link AsteriskJavaRouteScript} with a {@link SimpleMappingStrategy}, on 127.0.0.1.
 * Its accept loop runs on a thread of its own. Started and closed from one thread.
 * <p>
 * {@code java -cp benchmarks.jar io.hotline.benchmarks.agi.AsteriskJavaAgiBenchServer [--port 14574]
 * [--hold-millis 0] [--customers 5000] [--max-seconds 3600]} logs {@code READY port=N} when it listens and
 * stops by itself after {@code max-seconds}, or on SIGTERM.
 */
public final class AsteriskJavaAgiBenchServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsteriskJavaAgiBenchServer.class);
    private static final Set<String> OPTIONS = Set.of("bind", "port", "hold-millis", "customers", "max-seconds");

    private final ListeningAgiServer server;
    private final Thread acceptor;

    private AsteriskJavaAgiBenchServer(ListeningAgiServer server, Thread acceptor) {
        this.server = server;
        this.acceptor = acceptor;
    }

    /** {@code DefaultAgiServer} unchanged, except that it says when its server socket is bound. */
    private static final class ListeningAgiServer extends DefaultAgiServer {
        private final CountDownLatch bound = new CountDownLatch(1);

        ListeningAgiServer(SimpleMappingStrategy mapping) {
            super(mapping);
        }

        @Override
        protected ServerSocketFacade createServerSocket() throws IOException {
            ServerSocketFacade socket = super.createServerSocket();
            bound.countDown();
            return socket;
        }
    }

    /** Starts listening on {@code bindAddress:port} (a fixed port: asterisk-java does not report an ephemeral one). */
    public static AsteriskJavaAgiBenchServer start(String bindAddress, int port, long holdMillis,
                                                   RouteDecision decision) throws IOException, InterruptedException {
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        mapping.setMappings(Map.of("route", new AsteriskJavaRouteScript(decision, holdMillis)));
        ListeningAgiServer server = new ListeningAgiServer(mapping);
        server.setPort(port);
        server.setAddress(InetAddress.getByName(bindAddress));
        Thread acceptor = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                LOG.error("asterisk-java's FastAGI server stopped: {}", e.toString());
            }
        }, "aj-accept");
        acceptor.start();
        if (!server.bound.await(10, TimeUnit.SECONDS)) {
            server.shutdown();
            throw new IOException("asterisk-java's FastAGI server did not bind " + bindAddress + ":" + port);
        }
        return new AsteriskJavaAgiBenchServer(server, acceptor);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown();
        acceptor.join(TimeUnit.SECONDS.toMillis(3));
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        CommandLineOptions options = CommandLineOptions.parse(args, OPTIONS);
        long holdMillis = options.number("hold-millis", 0);
        int port = options.integer("port", 14574);
        RouteDecision decision = new RouteDecision(options.integer("customers", RouteDecision.DEFAULT_CUSTOMERS));
        CountDownLatch stopped = new CountDownLatch(1);
        try (AsteriskJavaAgiBenchServer server = start(options.text("bind", "127.0.0.1"), port, holdMillis,
                decision)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "bench-shutdown"));
            LOG.info("READY port={} server=asterisk-java holdMillis={} maxPoolSize={}", port, holdMillis,
                    server.server.getMaximumPoolSize());
            if (!stopped.await(options.number("max-seconds", 3600), TimeUnit.SECONDS)) {
                LOG.info("max-seconds reached; stopping");
            }
        }
    }
}
