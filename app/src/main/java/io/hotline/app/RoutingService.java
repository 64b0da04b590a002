package io.hotline.app;

import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.RoutingEngine;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.engine.RoutingInbox;
import io.hotline.routing.engine.RoutingSnapshot;
import io.hotline.routing.spi.CallControl;
import io.hotline.routing.spi.HealthCheck;
import io.hotline.routing.spi.RoutingJournal;
import io.hotline.routing.spi.SeatRequestAnswers;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing engine at work: one thread, {@code routing-engine}, owns the {@link RoutingEngine} and drains its
 * bounded {@link RoutingInbox} in batches (style.md 6.5, Disruptor's {@code BatchEventProcessor}).
 * <p>
 * Each round the thread waits for events, at most until the engine's next timer is due (and never more than a
 * second), takes up to {@value #MAX_BATCH} of them and applies each to the engine; when a timer is due it applies
 * a {@link RoutingEvent.Tick}. At the end of the batch it publishes {@link RoutingEngine#snapshot()} through a
 * volatile field, then hands the batch's commands, in order, to the {@link RoutingCommandDispatcher} and so to the
 * ports, which must not block. An event or a command whose handling throws is a bug: it is logged with the event
 * or command, counted in {@link #failures()}, and the loop goes on with the next one (Disruptor's
 * {@code handleEventException}); the commands the failed event emitted before it threw are still dispatched.
 * <p>
 * Thread-safe: {@link #offer}, {@link #snapshot()}, the counters and the health check may be called from any
 * thread; nothing but the routing thread touches the engine. {@link #close()} interrupts the thread and waits up
 * to two seconds for it to end.
 */
final class RoutingService implements AutoCloseable {
    /** The routing thread's name, as thread dumps and logs show it. */
    static final String THREAD_NAME = "routing-engine";
    /** Events the inbox holds before it refuses more. */
    static final int INBOX_CAPACITY = 65_536;
    /** The most events applied between two snapshots. */
    static final int MAX_BATCH = 1_024;

    private static final Logger LOG = LoggerFactory.getLogger(RoutingService.class);
    private static final long MAX_WAIT_MILLIS = 1_000;
    private static final long CLOSE_WAIT_MILLIS = 2_000;
    private static final RoutingEvent TICK = new RoutingEvent.Tick();

    private final RoutingEngine engine;
    private final RoutingInbox inbox;
    private final RoutingCommandDispatcher dispatcher;
    private final EventHandler handler;
    private final InstantSource clock;
    private final Thread thread;
    private final AtomicLong failures = new AtomicLong();
    private volatile RoutingSnapshot snapshot;
    private volatile boolean running = true;

    /** Applies one event to the engine. Production uses {@link RoutingEngine#apply}; tests may wrap it. */
    @FunctionalInterface
    interface EventHandler {
        void apply(RoutingEngine engine, RoutingEvent event, Consumer<RoutingCommand> sink);
    }

    /**
     * A service that is not started yet: tests use it to choose the inbox and wrap the engine.
     *
     * @param engine     the engine; from now on touched only by the routing thread
     * @param inbox      where producers offer events
     * @param dispatcher where the commands go
     * @param handler    how an event is applied to the engine
     * @param clock      the engine's clock, to know when its next timer is due
     */
    RoutingService(RoutingEngine engine, RoutingInbox inbox, RoutingCommandDispatcher dispatcher,
                   EventHandler handler, InstantSource clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Taken on the constructing thread, before the routing thread starts: Thread.start() publishes it.
        this.snapshot = engine.snapshot();
        this.thread = new Thread(this::run, THREAD_NAME);
        // Routing state lives in memory only; a failed close() must not keep the JVM alive.
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((dead, error) -> LOG.error("The routing thread died; routing has stopped",
                error));
    }

    /** Creates the engine and its inbox of {@value #INBOX_CAPACITY} events, and starts the routing thread. */
    static RoutingService start(RoutingConfig config, InstantSource clock, CallControl calls,
                                RoutingJournal journal, SeatRequestAnswers seatAnswers) {
        RoutingService service = new RoutingService(new RoutingEngine(config, clock), new RoutingInbox(INBOX_CAPACITY),
                new RoutingCommandDispatcher(calls, journal, seatAnswers), RoutingEngine::apply, clock);
        service.start();
        return service;
    }

    /** Starts the routing thread. */
    void start() {
        thread.start();
    }

    /** The inbox producers (FastAGI scripts, later AMI) offer events to. */
    RoutingInbox inbox() {
        return inbox;
    }

    /** Offers an event without blocking; false (and counted by the inbox) when the inbox is full. */
    boolean offer(RoutingEvent event) {
        return inbox.offer(Objects.requireNonNull(event, "event"));
    }

    /** The snapshot published at the end of the latest batch. Never blocks. */
    RoutingSnapshot snapshot() {
        return snapshot;
    }

    /** Events waiting in the inbox now. */
    int inboxDepth() {
        return inbox.depth();
    }

    /** Events the full inbox refused since start. */
    long inboxRefused() {
        return inbox.refused();
    }

    /** Events and commands whose handling threw on the routing thread since start. */
    long failures() {
        return failures.get();
    }

    /** Whether the routing thread is running. */
    boolean isRunning() {
        return thread.isAlive();
    }

    /** A new health check of the {@code routing} component (it remembers refusals between its checks). */
    HealthCheck healthCheck() {
        return new RoutingHealthCheck(this);
    }

    private void run() {
        LOG.info("Routing engine running on thread {}", THREAD_NAME);
        List<RoutingEvent> batch = new ArrayList<>(MAX_BATCH);
        List<RoutingCommand> commands = new ArrayList<>();
        Consumer<RoutingCommand> sink = commands::add;
        // After close() the events already in the inbox are still applied (a stop hands waiting callers off).
        while (running || inbox.depth() > 0) {
            try {
                inbox.drainTo(batch, MAX_BATCH, TimeUnit.MILLISECONDS.toNanos(millisToNextTimer()));
            } catch (InterruptedException e) {
                // Only close() interrupts this thread.
                Thread.currentThread().interrupt();
                break;
            }
            for (RoutingEvent event : batch) {
                apply(event, sink);
            }
            boolean tick = !clock.instant().isBefore(engine.nextTimer());
            if (tick) {
                apply(TICK, sink);
            }
            if (!batch.isEmpty() || tick) {
                endOfBatch(commands);
            }
            batch.clear();
            commands.clear();
        }
        LOG.info("Routing engine stopped after {} events", engine.eventsApplied());
    }

    private long millisToNextTimer() {
        long millis = engine.nextTimer().toEpochMilli() - clock.millis();
        return Math.max(0, Math.min(MAX_WAIT_MILLIS, millis));
    }

    private void apply(RoutingEvent event, Consumer<RoutingCommand> sink) {
        try {
            handler.apply(engine, event, sink);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.error("Routing failed to apply {}; going on with the next event", event, e);
        }
    }

    private void endOfBatch(List<RoutingCommand> commands) {
        snapshot = engine.snapshot();
        for (RoutingCommand command : commands) {
            try {
                dispatcher.dispatch(command);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                LOG.error("Routing failed to dispatch {}; going on with the next command", command, e);
            }
        }
    }

    /**
     * Stops the routing thread once it has applied what is in the inbox (waiting up to two seconds for that, then
     * interrupting it, and two more for it to end). Idempotent.
     */
    @Override
    public void close() {
        running = false;
        // Wakes the thread from its wait for events (a Tick changes nothing but the due timers).
        inbox.offer(TICK);
        try {
            thread.join(CLOSE_WAIT_MILLIS);
            thread.interrupt();
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("The routing thread did not stop within {} ms; it is a daemon and is abandoned",
                    CLOSE_WAIT_MILLIS);
        }
    }
}
