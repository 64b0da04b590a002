package io.hotline.app;

import io.hotline.ops.health.HealthMonitor;
import io.hotline.ops.metrics.PrometheusMetrics;
import io.hotline.persistence.Database;
import io.hotline.persistence.seed.DemoSeed;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthCheck;
import io.hotline.routing.spi.HealthReport;
import io.hotline.ops.metrics.HotlineMeters;
import io.hotline.web.HttpServer;
import io.hotline.web.http.Authenticator;
import io.hotline.web.metrics.MetricsEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Hotline: every component started in order, stopped in the reverse of the order that keeps work
 * safe (stop taking requests, then stop checking, then close the database, then the metrics). The HTTP server
 * starts before the database so that {@code /health} answers 503 "starting" while a first embedded start
 * unpacks MariaDB. Not thread-safe: one lifecycle thread starts and closes it.
 */
public final class Hotline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hotline.class);

    private final PrometheusMetrics metrics;
    private HealthMonitor healthMonitor;
    private HttpServer httpServer;
    private InetSocketAddress httpAddress;
    private OpenDatabase database;

    private Hotline(PrometheusMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Starts everything; on any failure stops what had started and rethrows.
     *
     * @throws io.hotline.routing.HotlineException with an operator-readable message when a component fails
     */
    public static Hotline start(HotlineConfiguration config) {
        long started = System.nanoTime();
        Hotline hotline = new Hotline(new PrometheusMetrics());
        try {
            hotline.startComponents(config);
        } catch (RuntimeException e) {
            hotline.close();
            throw e;
        }
        LOG.info("Hotline ready in {} ms: health at http://{}/health", (System.nanoTime() - started) / 1_000_000,
                hostAndPort(hotline.httpAddress));
        return hotline;
    }

    private void startComponents(HotlineConfiguration config) {
        MeterRegistry registry = metrics.registry();
        DeferredHealthCheck databaseHealth = new DeferredHealthCheck("database", "opening the database");
        healthMonitor = new HealthMonitor(List.of(databaseHealth,
                disabled("ami", "no Asterisk Manager connection is configured in this build"),
                disabled("agi", "the FastAGI server is not part of this build yet")),
                config.healthInterval(), InstantSource.system(), registry);
        healthMonitor.start();

        // No person-facing route exists yet: deny-all until the agent API brings real authentication.
        httpServer = new HttpServer(config.web(), HttpServer.machineRoutes(healthMonitor::current, metricsEndpoint())
                .build(), Authenticator.DENY_ALL, (route, status, nanos) -> Timer
                .builder(HotlineMeters.HTTP_REQUESTS.meterName())
                .description(HotlineMeters.HTTP_REQUESTS.description())
                .tags(HotlineMeters.HTTP_REQUESTS.tags("route", route, "status", Integer.toString(status)))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS));
        httpAddress = httpServer.start();

        database = OpenDatabase.open(config.database(), registry);
        databaseHealth.delegateTo(database.database().healthCheck());
        if (config.seedDemoWhenEmpty() && DemoSeed.isEmpty(database.database().jdbi())) {
            LOG.info("The database has no seats: loading the demo organisation");
            DemoSeed.load(database.database().jdbi());
        }
        healthMonitor.refreshNow();
    }

    private MetricsEndpoint metricsEndpoint() {
        return new MetricsEndpoint() {
            @Override
            public String contentType() {
                return metrics.contentType();
            }

            @Override
            public String scrape() {
                return metrics.scrape();
            }
        };
    }

    private static HealthCheck disabled(String component, String detail) {
        return new HealthCheck() {
            @Override
            public String component() {
                return component;
            }

            @Override
            public ComponentHealth check() {
                return ComponentHealth.disabled(detail);
            }
        };
    }

    private static String hostAndPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Where the HTTP server listens. */
    public InetSocketAddress httpAddress() {
        return httpAddress;
    }

    /** The database, once started. */
    public Database database() {
        return database.database();
    }

    /** The latest health report. */
    public HealthReport health() {
        return healthMonitor.current();
    }

    /** Stops every started component in order; never throws, logs what fails. */
    @Override
    public void close() {
        long started = System.nanoTime();
        stop("HTTP server", httpServer);
        stop("health monitor", healthMonitor);
        stop("database", database);
        stop("metrics", metrics);
        LOG.info("Hotline stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static void stop(String name, AutoCloseable component) {
        if (component == null) {
            return;
        }
        try {
            component.close();
        } catch (Exception e) {
            LOG.warn("Stopping the {} failed: {}", name, e.toString());
        }
    }
}
