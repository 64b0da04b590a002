package io.hotline.app.loop;

import io.hotline.routing.loop.Engine;
import io.hotline.routing.loop.Inbox;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
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
 * {@link #ask} offers an event and answers with the commands that exactly that event emitted, once the batch's
 * commands were handed on (so read models fed by the hand-off already show its effect): how a person's request
 * gets the engine's change or refusal back.
 * <p>
 * Thread-safe: {@link #offer}, {@link #ask}, {@link #snapshot()} and the counters may be called from any thread;
 * nothing but the loop's thread touches the engine or calls the hand-off. {@link #close()} lets the thread apply
 * what is in the inbox, then interrupts it.
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
    /** The asked events by identity (records compare by value: two equal requests are still two asks). */
    private final Map<E, CompletableFuture<List<C>>> asked = Collections.synchronizedMap(new IdentityHashMap<>());
    /** How many asks wait: the loop looks an event up only when some do. */
    private final AtomicInteger asking = new AtomicInteger();
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

    /**
     * Offers {@code event} and answers with the commands it emitted, in order, completed on the loop's thread once
     * the batch's commands were handed on. Completes exceptionally ({@link RejectedExecutionException}) when the
     * inbox is full or the loop is stopped, and with the engine's exception when applying the event threw.
     * Callers must not block on the answer on an event loop; they chain on it. Each call must pass its own event
     * instance.
     */
    public CompletionStage<List<C>> ask(E event) {
        Objects.requireNonNull(event, "event");
        CompletableFuture<List<C>> answer = new CompletableFuture<>();
        if (!running) {
            answer.completeExceptionally(new RejectedExecutionException(config.threadName() + " is stopped"));
            return answer;
        }
        asking.incrementAndGet();
        asked.put(event, answer);
        if (!inbox.offer(event)) {
            forget(event);
            answer.completeExceptionally(new RejectedExecutionException("the " + config.threadName()
                    + " inbox is full"));
        } else if (!running && !thread.isAlive()) {
            // Stopped between the check and the offer: nobody will apply it.
            failAsked(event);
        }
        return answer;
    }

    private CompletableFuture<List<C>> forget(E event) {
        CompletableFuture<List<C>> answer = asked.remove(event);
        if (answer != null) {
            asking.decrementAndGet();
        }
        return answer;
    }

    private void failAsked(E event) {
        CompletableFuture<List<C>> answer = forget(event);
        if (answer != null) {
            answer.completeExceptionally(new RejectedExecutionException(config.threadName() + " is stopped"));
        }
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
        List<Answer<C>> answers = new ArrayList<>();
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
                CompletableFuture<List<C>> answer = asking.get() == 0 ? null : forget(event);
                int from = commands.size();
                RuntimeException failure = apply(event, sink);
                if (answer != null) {
                    answers.add(new Answer<>(answer, List.copyOf(commands.subList(from, commands.size())), failure));
                }
            }
            boolean due = !clock.instant().isBefore(engine.nextTimer());
            if (due) {
                apply(tick, sink);
            }
            if (!batch.isEmpty() || due) {
                endOfBatch(commands);
            }
            for (Answer<C> answer : answers) {
                answer.complete();
            }
            answers.clear();
            batch.clear();
            commands.clear();
        }
        // Asks whose events never reached the thread (offered as it stopped) get their refusal.
        List<E> left;
        synchronized (asked) {
            left = new ArrayList<>(asked.keySet());
        }
        left.forEach(this::failAsked);
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

    private RuntimeException apply(E event, Consumer<C> sink) {
        try {
            engine.apply(event, sink);
            return null;
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.error("{} failed to apply {}; going on with the next event", config.threadName(), event, e);
            return e;
        }
    }

    /** An asked event's answer, completed once its batch's commands were handed on. */
    private record Answer<C>(CompletableFuture<List<C>> future, List<C> commands, RuntimeException failure) {
        void complete() {
            if (failure != null) {
                future.completeExceptionally(failure);
            } else {
                future.complete(commands);
            }
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
