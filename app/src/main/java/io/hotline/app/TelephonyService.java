package io.hotline.app;

import io.hotline.ops.metrics.HotlineMeters;
import io.hotline.persistence.calls.IndexedCallerDirectory;
import io.hotline.persistence.calls.JdbiSeatDirectory;
import io.hotline.routing.engine.RoutingInbox;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthCheck;
import io.hotline.telephony.agi.AgiServer;
import io.hotline.telephony.agi.AgiSessionObserver;
import io.hotline.telephony.scripts.AnsweredScript;
import io.hotline.telephony.scripts.CallbackScript;
import io.hotline.telephony.scripts.EscalateScript;
import io.hotline.telephony.scripts.HangupScript;
import io.hotline.telephony.scripts.RouteContext;
import io.hotline.telephony.scripts.RouteScript;
import io.hotline.telephony.scripts.RouteSettings;
import io.hotline.telephony.scripts.SeatRequests;
import io.hotline.telephony.scripts.SeatScript;
import io.hotline.telephony.scripts.SurveyScript;
import io.hotline.telephony.scripts.WaitingCallers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI side of Hotline: the server with every script, the persistence adapters the scripts use, and the
 * bounded blocking executor ({@code db-blocking-N}, one thread per pooled connection) their database calls run
 * on, so no event loop ever waits on the database. Start and close from the lifecycle thread.
 */
final class TelephonyService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelephonyService.class);
    /** A well-formed number that is nobody's (the ITU's fictitious range is not reachable from China). */
    private static final String WARM_UP_NUMBER = "+860000000000";
    private static final Duration WARM_UP_WAIT = Duration.ofSeconds(3);
    private final AgiServer server;
    private final ExecutorService blocking;
    private final InetSocketAddress address;
    private final WaitingCallers callers;

    private TelephonyService(AgiServer server, ExecutorService blocking, InetSocketAddress address,
                             WaitingCallers callers) {
        this.server = server;
        this.blocking = blocking;
        this.address = address;
        this.callers = callers;
    }

    /**
     * What the scripts hand calls to and wait on.
     *
     * @param inbox    routing's inbox
     * @param callers  where waiting callers receive routing's commands
     * @param stores   the work orders, callbacks and survey scores (written later, through the journal, while
     *                 the database is away)
     * @param seats    where seats' feature-code sessions wait for routing's answers
     * @param directory recognises callers, from memory (loaded, and told what the journal writes)
     */
    record Wiring(RoutingInbox inbox, WaitingCallers callers, DeferringStores stores, SeatRequests seats,
                  IndexedCallerDirectory directory) {
    }

    /** Starts the FastAGI server; the scripts hand calls to the wiring's inbox and wait in its callers. */
    static TelephonyService start(HotlineConfiguration config, Jdbi jdbi, Wiring wiring, MeterRegistry registry) {
        RoutingInbox inbox = wiring.inbox();
        WaitingCallers callers = wiring.callers();
        AtomicLong threads = new AtomicLong();
        ExecutorService blocking = Executors.newFixedThreadPool(config.database().poolSize(), runnable -> {
            Thread thread = new Thread(runnable, "db-blocking-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        InstantSource clock = InstantSource.system();
        IndexedCallerDirectory directory = wiring.directory();
        warmUp(directory, blocking);
        RouteContext context = new RouteContext(new RouteSettings(config.asteriskName(),
                config.routing().defaultQueue(), config.routing().dialledNumbers().queues(),
                config.routing().dialledNumbers().products(), "default"), directory,
                wiring.stores(), inbox, callers, blocking, clock);
        AgiServer server = new AgiServer(config.agi(), List.of(new RouteScript(context), new AnsweredScript(context),
                new HangupScript(context), new EscalateScript(context),
                new SurveyScript(wiring.stores(), blocking, clock, context.prompts()),
                new SeatScript(new JdbiSeatDirectory(jdbi), inbox, blocking, wiring.seats(), context.prompts()),
                new CallbackScript(wiring.stores(), blocking, clock)), observer(registry));
        try {
            return new TelephonyService(server, blocking, server.start(), callers);
        } catch (RuntimeException e) {
            blocking.shutdownNow();
            throw e;
        }
    }

    /**
     * Runs the caller look-up once on the blocking executor before the first call, so that the first caller after a
     * start does not pay for loading and linking the database path (the query's parsing, mapping, the driver's
     * statement classes). Looks up a number no customer has; at most a few seconds; failures only logged.
     */
    private static void warmUp(IndexedCallerDirectory directory, ExecutorService blocking) {
        long started = System.nanoTime();
        try {
            CompletableFuture.runAsync(() -> directory.findByNumber(WARM_UP_NUMBER), blocking)
                    .get(WARM_UP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.debug("Caller look-up warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.info("Warming up the caller look-up failed ({}); the first caller pays for it", e.toString());
        }
    }

    private static AgiSessionObserver observer(MeterRegistry registry) {
        AtomicInteger active = new AtomicInteger();
        Gauge.builder(HotlineMeters.AGI_SESSIONS_ACTIVE.meterName(), active, AtomicInteger::get)
                .description(HotlineMeters.AGI_SESSIONS_ACTIVE.description()).register(registry);
        Counter sessions = Counter.builder(HotlineMeters.AGI_SESSIONS.meterName())
                .description(HotlineMeters.AGI_SESSIONS.description()).register(registry);
        Counter malformed = error(registry, "malformed");
        Counter timeout = error(registry, "timeout");
        Counter unknown = error(registry, "unknown_script");
        Counter refused = error(registry, "refused");
        Counter headerTimeout = error(registry, "header_timeout");
        Timer commands = Timer.builder(HotlineMeters.AGI_COMMAND.meterName())
                .description(HotlineMeters.AGI_COMMAND.description()).register(registry);
        return new AgiSessionObserver() {
            @Override
            public void commandAnswered(long nanos) {
                commands.record(nanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void sessionOpened() {
                active.incrementAndGet();
                sessions.increment();
            }

            @Override
            public void sessionClosed() {
                active.decrementAndGet();
            }

            @Override
            public void unknownScript() {
                unknown.increment();
            }

            @Override
            public void malformedInput() {
                malformed.increment();
            }

            @Override
            public void commandTimedOut() {
                timeout.increment();
            }

            @Override
            public void connectionRefused() {
                refused.increment();
            }

            @Override
            public void headerTimedOut() {
                headerTimeout.increment();
            }
        };
    }

    private static Counter error(MeterRegistry registry, String kind) {
        return Counter.builder(HotlineMeters.AGI_ERRORS.meterName())
                .description(HotlineMeters.AGI_ERRORS.description())
                .tags(HotlineMeters.AGI_ERRORS.tags("kind", kind)).register(registry);
    }

    /** Where the FastAGI server listens. */
    InetSocketAddress address() {
        return address;
    }

    /** The {@code agi} health component: UP while listening, with the open sessions and waiting callers. */
    HealthCheck healthCheck() {
        return new HealthCheck() {
            @Override
            public String component() {
                return "agi";
            }

            @Override
            public ComponentHealth check() {
                return ComponentHealth.up("FastAGI on " + address.getAddress().getHostAddress() + ":"
                        + address.getPort(), Map.of("sessions", server.connections(), "waiting", callers.waiting()));
            }
        };
    }

    /**
     * Hands the callers waiting in a route session to the dialplan's fallback queue (recorded as such, routing
     * still runs), stops taking calls and closes every session (Asterisk continues their dialplans), then the
     * executor.
     */
    @Override
    public void close() {
        callers.handAllToFallback(Duration.ofSeconds(2));
        server.close();
        blocking.shutdown();
        try {
            if (!blocking.awaitTermination(2, TimeUnit.SECONDS)) {
                blocking.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            blocking.shutdownNow();
        }
    }
}
