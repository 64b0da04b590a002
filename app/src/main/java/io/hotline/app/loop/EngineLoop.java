package io.hotline.app.loop;

import io.hotline.routing.loop.Engine;
import io.hotline.routing.loop.Inbox;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine at work: one thread owns the {@link Engine} and drains its bounded {@link Inbox} in batches
 * (CONTRIBUTING.md 5, Disruptor's {@code BatchEventProcessor}).
 * <p>
 * Each round the thread waits for events, at most until the engine's next timer is due (and never more than a
 * second), takes up to {@link EngineLoopConfig#maxBatch()} of them and applies each to the engine; when a timer is
 * due by the clock it then applies the engine's {@link Engine#tick()}. At the end of the batch it publishes
 * {@link Engine#snapshot()} through a volatile field, then hands the batch's commands, in order, to the hand-off
 * and so to the ports, which must not block. An event or a command whose handling throws is a bug: it is logged
 * with the event or command, counted in {@link #failures()}, and the loop goes on with the next one (Disruptor's
 * {@code handleEventException}); the commands the failed event emitted before it threw are still handed on.
 * <p>
 * Thread-safe: {@link #offer}, {@link #snapshot()} and the counters may be called from any thread; nothing but the
 * loop's thread touches the engine or calls the hand-off. {@link #close()} lets the thread apply what is in the
 * inbox, then interrupts it.
 *
 * @param <E> the engine's events
 * @param <C> the engine's commands
 * @param <S> the engine's snapshot
 */
public final class EngineLoop<E, C, S> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final EngineLoopConfig config;
    private final Engine<E, C, S> engine;
    private final Inbox<E> inbox;
    private final Consumer<? super C> handoff;
    private final InstantSource clock;
    private final E tick;
    private final Thread thread;
    private final AtomicLong failures = new AtomicLong();
    private volatile S snapshot;
    private volatile long eventsApplied;
    private volatile boolean running = true;

    /**
     * A loop that is not started yet.
     *
     * @param config  its thread's name and its batch size
     * @param engine  the engine; from now on touched only by the loop's thread
     * @param inbox   where producers offer events
     * @param handoff where the commands go, in order, on the loop's thread; must not block
     * @param clock   the engine's clock, to know when its next timer is due
     */
    public EngineLoop(EngineLoopConfig config, Engine<E, C, S> engine, Inbox<E> inbox, Consumer<? super C> handoff,
                      InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.handoff = Objects.requireNonNull(handoff, "handoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Taken on the constructing thread, before the loop's thread starts: Thread.start() publishes them.
        this.tick = Objects.requireNonNull(engine.tick(), "engine.tick()");
        this.snapshot = engine.snapshot();
        this.eventsApplied = engine.eventsApplied();
        this.thread = new Thread(this::run, config.threadName());
        // Engine state lives in memory only; a failed close() must not keep the JVM alive.
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((dead, error) -> LOG.error("The {} thread died; its engine has stopped",
                dead.getName(), error));
    }

    /** Starts the loop's thread. */
    public void start() {
        thread.start();
    }

    /** The name of the loop's thread. */
    public String threadName() {
        return config.threadName();
    }

    /** The inbox producers offer events to. */
    public Inbox<E> inbox() {
        return inbox;
    }

    /** Offers an event without blocking; false (and counted by the inbox) when the inbox is full. */
    public boolean offer(E event) {
        return inbox.offer(Objects.requireNonNull(event, "event"));
    }

    /** The snapshot published at the end of the latest batch (the engine's first one before any). Never blocks. */
    public S snapshot() {
        return snapshot;
    }

    /** The engine's count of applied events, ticks included, at the end of the latest batch. */
    public long eventsApplied() {
        return eventsApplied;
    }

    /** Events waiting in the inbox now. */
    public int inboxDepth() {
        return inbox.depth();
    }

    /** Events the full inbox refused since it was created. */
    public long inboxRefused() {
        return inbox.refused();
    }

    /** Events and commands whose handling threw on the loop's thread since start. */
    public long failures() {
        return failures.get();
    }

    /** Whether the loop's thread is running. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    private void run() {
        LOG.info("Engine loop running on thread {}", config.threadName());
        List<E> batch = new ArrayList<>(config.maxBatch());
        List<C> commands = new ArrayList<>();
        Consumer<C> sink = commands::add;
        // After close() the events already in the inbox are still applied (a stop hands waiting callers off).
        while (running || inbox.depth() > 0) {
            try {
                inbox.drainTo(batch, config.maxBatch(), nanosToNextTimer());
            } catch (InterruptedException e) {
                // Only close() interrupts this thread.
                Thread.currentThread().interrupt();
                break;
            }
            for (E event : batch) {
                apply(event, sink);
            }
            boolean due = !clock.instant().isBefore(engine.nextTimer());
            if (due) {
                apply(tick, sink);
            }
            if (!batch.isEmpty() || due) {
                endOfBatch(commands);
            }
            batch.clear();
            commands.clear();
        }
        LOG.info("Engine loop on thread {} stopped after {} events", config.threadName(), engine.eventsApplied());
    }

    private long nanosToNextTimer() {
        Instant now = clock.instant();
        Instant next = engine.nextTimer();
        if (!now.isBefore(next)) {
            return 0;
        }
        Duration wait = Duration.between(now, next);
        // Compared before converting: a far timer (Instant.MAX for none) does not fit in a long of nanoseconds.
        return wait.compareTo(MAX_WAIT) < 0 ? wait.toNanos() : MAX_WAIT.toNanos();
    }

    private void apply(E event, Consumer<C> sink) {
        try {
            engine.apply(event, sink);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.error("{} failed to apply {}; going on with the next event", config.threadName(), event, e);
        }
    }

    private void endOfBatch(List<C> commands) {
        eventsApplied = engine.eventsApplied();
        snapshot = engine.snapshot();
        for (C command : commands) {
            try {
                handoff.accept(command);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                LOG.error("{} failed to hand on {}; going on with the next command", config.threadName(), command, e);
            }
        }
    }

    /**
     * Stops the loop's thread once it has applied what is in the inbox (waiting up to two seconds for that, then
     * interrupting it, and two more for it to end). Idempotent.
     */
    @Override
    public void close() {
        running = false;
        // Wakes the thread from its wait for events (a tick changes nothing but the due timers).
        inbox.offer(tick);
        try {
            thread.join(CLOSE_WAIT_MILLIS);
            thread.interrupt();
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("The {} thread did not stop within {} ms; it is a daemon and is abandoned", config.threadName(),
                    CLOSE_WAIT_MILLIS);
        }
    }
}
