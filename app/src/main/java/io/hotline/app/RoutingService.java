package io.hotline.app;

import io.hotline.app.loop.EngineLoop;
import io.hotline.app.loop.EngineLoopConfig;
import io.hotline.app.loop.EngineLoopHealthCheck;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.RoutingEngine;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.engine.RoutingInbox;
import io.hotline.routing.engine.RoutingSnapshot;
import io.hotline.routing.loop.Engine;
import io.hotline.routing.spi.CallControl;
import io.hotline.routing.spi.CallbackAttempts;
import io.hotline.routing.spi.HealthCheck;
import io.hotline.routing.spi.RoutingJournal;
import io.hotline.routing.spi.SeatRequestAnswers;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The routing engine at work: an {@link EngineLoop} on the {@code routing-engine} thread that owns the
 * {@link RoutingEngine}, drains its {@link RoutingInbox} in batches of up to {@value #MAX_BATCH}, publishes its
 * {@link RoutingSnapshot} at the end of each batch and hands the commands to the {@link RoutingCommandDispatcher}
 * (the loop's Javadoc has the whole story). This class only chooses routing's thread name, inbox size and ports,
 * and gives the rest of {@code app} routing's types.
 * <p>
 * Thread-safe: {@link #offer}, {@link #snapshot()}, the counters and the health check may be called from any
 * thread; nothing but the routing thread touches the engine. {@link #close()} lets the thread apply what is in
 * the inbox, then interrupts it, waiting up to two seconds for each.
 */
final class RoutingService implements AutoCloseable {
    /** The routing thread's name, as thread dumps and logs show it. */
    static final String THREAD_NAME = "routing-engine";
    /** Events the inbox holds before it refuses more. */
    static final int INBOX_CAPACITY = 65_536;
    /** The most events applied between two snapshots. */
    static final int MAX_BATCH = 1_024;

    private final RoutingInbox inbox;
    private final EngineLoop<RoutingEvent, RoutingCommand, RoutingSnapshot> loop;

    /** Applies one event to the engine. Production uses {@link RoutingEngine#apply}; tests may wrap it. */
    @FunctionalInterface
    interface EventHandler {
        void apply(RoutingEngine engine, RoutingEvent event, Consumer<? super RoutingCommand> sink);
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
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(dispatcher, "dispatcher");
        this.loop = new EngineLoop<>(new EngineLoopConfig(THREAD_NAME, MAX_BATCH), new HandledEngine(engine, handler),
                inbox, dispatcher::dispatch, clock);
    }

    /** Creates the engine and its inbox of {@value #INBOX_CAPACITY} events, and starts the routing thread. */
    static RoutingService start(RoutingConfig config, InstantSource clock, CallControl calls,
                                RoutingJournal journal, SeatRequestAnswers seatAnswers, DeskFeed desk,
                                CallbackAttempts callbacks) {
        return start(config, clock, new RoutingCommandDispatcher(calls, journal, seatAnswers, desk, callbacks));
    }

    /** Starts routing handing its commands to {@code dispatcher}. */
    static RoutingService start(RoutingConfig config, InstantSource clock, RoutingCommandDispatcher dispatcher) {
        return start(config, clock, dispatcher, event -> { });
    }

    /**
     * Starts routing handing its commands to {@code dispatcher} and each event, once the engine applied it, to
     * {@code applied} (on the routing thread; it must not block): the read models hear the facts routing emits no
     * command for, such as a softphone's device state.
     */
    static RoutingService start(RoutingConfig config, InstantSource clock, RoutingCommandDispatcher dispatcher,
                                Consumer<RoutingEvent> applied) {
        return start(config, clock, dispatcher, applied, nanos -> { });
    }

    /**
     * {@link #start(RoutingConfig, InstantSource, RoutingCommandDispatcher, Consumer)} telling {@code decided} how
     * many nanoseconds the engine took to apply each event (on the routing thread; it must not block).
     */
    static RoutingService start(RoutingConfig config, InstantSource clock, RoutingCommandDispatcher dispatcher,
                                Consumer<RoutingEvent> applied, LongConsumer decided) {
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(decided, "decided");
        RoutingService service = new RoutingService(new RoutingEngine(config, clock), new RoutingInbox(INBOX_CAPACITY),
                dispatcher, (engine, event, sink) -> {
                    long started = System.nanoTime();
                    engine.apply(event, sink);
                    decided.accept(System.nanoTime() - started);
                    applied.accept(event);
                }, clock);
        service.start();
        return service;
    }

    /** Starts the routing thread. */
    void start() {
        loop.start();
    }

    /** The inbox producers (FastAGI scripts, AMI, the seats loaded on start) offer events to. */
    RoutingInbox inbox() {
        return inbox;
    }

    /** Offers an event without blocking; false (and counted by the inbox) when the inbox is full. */
    boolean offer(RoutingEvent event) {
        return loop.offer(event);
    }

    /** The snapshot published at the end of the latest batch. Never blocks. */
    /** Offers {@code event} and answers with the commands it emitted (see {@link EngineLoop#ask}). */
    CompletionStage<List<RoutingCommand>> ask(RoutingEvent event) {
        return loop.ask(event);
    }

    RoutingSnapshot snapshot() {
        return loop.snapshot();
    }

    /** Events waiting in the inbox now. */
    int inboxDepth() {
        return loop.inboxDepth();
    }

    /** Events the full inbox refused since start. */
    long inboxRefused() {
        return loop.inboxRefused();
    }

    /** Events and commands whose handling threw on the routing thread since start. */
    long failures() {
        return loop.failures();
    }

    /** Whether the routing thread is running. */
    boolean isRunning() {
        return loop.isRunning();
    }

    /** A new health check of the {@code routing} component (it remembers refusals between its checks). */
    HealthCheck healthCheck() {
        return new EngineLoopHealthCheck("routing", loop);
    }

    /** Stops the routing thread once it has applied what is in the inbox. Idempotent. */
    @Override
    public void close() {
        loop.close();
    }

    /** The engine as the loop sees it, each event applied through the handler. Confined to the routing thread. */
    private static final class HandledEngine implements Engine<RoutingEvent, RoutingCommand, RoutingSnapshot> {
        private final RoutingEngine engine;
        private final EventHandler handler;

        HandledEngine(RoutingEngine engine, EventHandler handler) {
            this.engine = Objects.requireNonNull(engine, "engine");
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        @Override
        public void apply(RoutingEvent event, Consumer<? super RoutingCommand> sink) {
            handler.apply(engine, event, sink);
        }

        @Override
        public Instant nextTimer() {
            return engine.nextTimer();
        }

        @Override
        public RoutingEvent tick() {
            return engine.tick();
        }

        @Override
        public RoutingSnapshot snapshot() {
            return engine.snapshot();
        }

        @Override
        public long eventsApplied() {
            return engine.eventsApplied();
        }
    }
}
