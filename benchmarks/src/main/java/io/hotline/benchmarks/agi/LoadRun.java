package io.hotline.benchmarks.agi;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one generator run: keeps up to {@code concurrency} sessions open (and at most
 * {@code maxConnecting} connecting) until {@code sessions} have been launched, counts outcomes, latencies and
 * sessions on hold. Confined to one control event loop; calls from session event loops hop onto it.
 */
final class LoadRun {
    /** Hands the session's handler to the channel initializer. */
    static final AttributeKey<ReplayingAsteriskHandler> SESSION = AttributeKey.valueOf("agiBenchSession");
    private static final Logger LOG = LoggerFactory.getLogger(LoadRun.class);
    private static final int UNEXPECTED_LOGGED = 5;

    private final GeneratorConfig config;
    private final Bootstrap bootstrap;
    private final EventExecutor control;
    private final RecordedRequest request;
    private final RouteDecision decision;
    private final String uniqueIdBase = Long.toString(System.currentTimeMillis() / 1000);
    private final LatencyRecorder latencies;
    private final Map<SessionOutcome, Integer> outcomes = new EnumMap<>(SessionOutcome.class);
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final CompletableFuture<Integer> allSettled = new CompletableFuture<>();
    private int launched;
    private int active;
    private int connecting;
    private int ended;
    private int held;
    private int peakHeld;
    private int unexpectedLogged;
    private long firstStartNanos;
    private long lastEndNanos;
    private long peakNanos;
    private boolean stopping;

    LoadRun(GeneratorConfig config, Bootstrap bootstrap, EventExecutor control, RecordedRequest request,
            RouteDecision decision) {
        this.config = config;
        this.bootstrap = bootstrap;
        this.control = control;
        this.request = request;
        this.decision = decision;
        this.latencies = new LatencyRecorder(config.sessions());
    }

    /** Completes when every launched session has ended and no more will be launched. */
    CompletableFuture<Void> finished() {
        return finished;
    }

    /**
     * Completes, with the number on hold, the first time every session has been launched and is either on hold
     * or ended: the peak of the hold test.
     */
    CompletableFuture<Integer> allSettled() {
        return allSettled;
    }

    void start() {
        control.execute(() -> {
            firstStartNanos = System.nanoTime();
            pump();
        });
    }

    /** Stops launching; sessions that end from now on without success count as timed out. */
    void stop() {
        onControl(() -> {
            stopping = true;
            checkFinished();
        });
    }

    private void pump() {
        while (!stopping && launched < config.sessions() && active < config.concurrency()
                && connecting < config.maxConnecting()) {
            launch(launched++);
        }
        checkFinished();
    }

    private void launch(int n) {
        active++;
        connecting++;
        String uniqueId = uniqueIdBase + "." + n;
        String caller = RouteDecision.sessionCaller(n, config.customers());
        String channel = "PJSIP/carrier-" + String.format("%08x", n);
        ReplayingAsteriskHandler session = new ReplayingAsteriskHandler(this,
                request.forSession(uniqueId, channel, caller), uniqueId,
                decision.decide(caller, request.dnis(), uniqueId));
        // The bootstrap copies its attributes into the channel inside connect(), on this thread.
        ChannelFuture connect = bootstrap.attr(SESSION, session).connect(config.host(), config.port());
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                session.end(SessionOutcome.CONNECT_FAILED);
            }
            onControl(() -> {
                connecting--;
                pump();
            });
        });
    }

    void heldChanged(int delta) {
        onControl(() -> {
            held += delta;
            if (held > peakHeld) {
                peakHeld = held;
                peakNanos = System.nanoTime();
            }
            checkSettled();
        });
    }

    void unexpected(String command, String expected) {
        onControl(() -> {
            if (unexpectedLogged++ < UNEXPECTED_LOGGED) {
                LOG.warn("[{}] unexpected AGI command '{}', expected '{}'", config.label(), command, expected);
            }
        });
    }

    void sessionEnded(SessionOutcome outcome, long latencyNanos) {
        onControl(() -> {
            SessionOutcome counted = stopping && outcome != SessionOutcome.OK ? SessionOutcome.TIMED_OUT : outcome;
            outcomes.merge(counted, 1, Integer::sum);
            if (counted == SessionOutcome.OK) {
                latencies.record(latencyNanos);
            }
            active--;
            ended++;
            lastEndNanos = System.nanoTime();
            pump();
            checkSettled();
        });
    }

    private void checkSettled() {
        if (!allSettled.isDone() && launched == config.sessions() && connecting == 0 && held + ended == launched) {
            allSettled.complete(held);
        }
    }

    private void checkFinished() {
        boolean noMore = stopping || launched == config.sessions();
        if (noMore && ended == launched && connecting == 0) {
            finished.complete(null);
        }
    }

    private void onControl(Runnable task) {
        if (control.inEventLoop()) {
            task.run();
        } else {
            control.execute(task);
        }
    }

    /** The figures; call after {@link #finished()} completed (or after the stop grace), on any thread. */
    RunResult result(long generatorCpuMillis, long serverCpuMillis) {
        CompletableFuture<RunResult> result = new CompletableFuture<>();
        onControl(() -> {
            Map<SessionOutcome, Integer> counts = new EnumMap<>(outcomes);
            // Launched sessions that never reported (the stop grace ran out) are timed out too.
            counts.merge(SessionOutcome.TIMED_OUT, launched - ended, Integer::sum);
            double seconds = (Math.max(lastEndNanos, firstStartNanos) - firstStartNanos) / 1e9;
            result.complete(new RunResult(config.label(), launched, config.concurrency(), counts, seconds,
                    latencies.percentileMillis(0.50), latencies.percentileMillis(0.99),
                    latencies.percentileMillis(1.0), peakHeld,
                    peakHeld == 0 ? 0 : (peakNanos - firstStartNanos) / 1e9, generatorCpuMillis,
                    serverCpuMillis));
        });
        return result.join();
    }

    /** Counters now, for progress logs. */
    CompletableFuture<String> progress() {
        CompletableFuture<String> progress = new CompletableFuture<>();
        onControl(() -> progress.complete("launched=" + launched + " ended=" + ended + " held=" + held
                + " peakHeld=" + peakHeld + " outcomes=" + outcomes));
        return progress;
    }
}
