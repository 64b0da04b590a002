package io.hotline.app;

import io.hotline.routing.callback.CallbackPolicy;
import io.hotline.routing.callback.DueCallback;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.spi.CallbackAttempts;
import io.hotline.routing.spi.CallbackLedger;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds due callbacks to routing and records how their attempts end. Small and restartable:
 * <ul>
 *   <li>At {@link #start}, every callback the previous run left {@code DIALLING} (it was in the routing engine when
 *       Hotline stopped or died) is {@code PENDING} again ({@link CallbackLedger#releaseDialling}).</li>
 *   <li>Every {@code pollEvery} it claims the callbacks due ({@link CallbackLedger#claimDue}: those a caller chose
 *       while waiting or after hours, and those a seat scheduled for a time) and offers each to routing as a
 *       {@link RoutingEvent.CallbackDue} with its place; one the full inbox refuses is released for the next poll.
 *   </li>
 *   <li>Each attempt's end ({@link #attempted}, from the routing thread) is decided by the {@link CallbackPolicy}
 *       (retry later, or the final state) and recorded.</li>
 * </ul>
 * Nothing is kept in memory: the database is the state, so a crash loses nothing but the attempt in progress (its
 * callback is due again at the next start). Not started without AMI: nobody could place the calls.
 * <p>
 * Thread-safe: the database work runs on its own thread ({@code callback-scheduler}); {@link #attempted} only hands
 * over.
 */
final class CallbackScheduler implements CallbackAttempts, AutoCloseable {
    /** How many due callbacks one poll claims at most. */
    static final int CLAIM_LIMIT = 50;
    private static final Logger LOG = LoggerFactory.getLogger(CallbackScheduler.class);

    private final CallbackLedger ledger;
    private final CallbackPolicy policy;
    private final InstantSource clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "callback-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    CallbackScheduler(CallbackLedger ledger, CallbackPolicy policy, InstantSource clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Releases what the last run left claimed, then polls every {@code pollEvery}, offering to {@code routing}. */
    void start(Predicate<RoutingEvent> routing, Duration pollEvery) {
        Objects.requireNonNull(routing, "routing");
        worker.execute(() -> {
            int released = ledger.releaseDialling();
            if (released > 0) {
                LOG.info("{} callbacks the last run was placing are due again", released);
            }
        });
        worker.scheduleWithFixedDelay(() -> poll(routing), 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll(Predicate<RoutingEvent> routing) {
        try {
            List<DueCallback> due = ledger.claimDue(clock.instant(), CLAIM_LIMIT);
            for (DueCallback callback : due) {
                RoutingEvent.CallbackDue event = new RoutingEvent.CallbackDue(callback.callbackId(),
                        callback.workOrderId(), callback.queue(), callback.number(), callback.place(),
                        callback.attempt());
                if (!routing.test(event)) {
                    ledger.release(callback.callbackId());
                    LOG.warn("Routing is overloaded: callback {} waits for the next poll", callback.callbackId());
                }
            }
        } catch (RuntimeException e) {
            // The database is away: the next poll tries again; nothing was claimed that is not released at start.
            LOG.warn("Could not load the callbacks due ({}); trying again at the next poll", e.toString());
        }
    }

    @Override
    public void attempted(RoutingCommand.CallbackAttempted attempt) {
        try {
            worker.execute(() -> record(attempt));
        } catch (RejectedExecutionException stopping) {
            LOG.warn("Callback {} attempt {} ended {} while Hotline stopped: it is due again at the next start",
                    attempt.callbackId(), attempt.attempt(), attempt.outcome());
        }
    }

    private void record(RoutingCommand.CallbackAttempted attempt) {
        var at = clock.instant();
        CallbackPolicy.Next next = policy.after(attempt.attempt(), attempt.outcome(), at);
        try {
            ledger.recordAttempt(attempt.callbackId(), attempt.attempt(), attempt.outcome(), attempt.seatId(), at,
                    next.retryAt());
            LOG.info("Callback {} attempt {} by seat {}: {}{}", attempt.callbackId(), attempt.attempt(),
                    attempt.seatId(), attempt.outcome(), next.finished() ? "" : "; next attempt at " + next.retryAt());
        } catch (RuntimeException e) {
            LOG.warn("Callback {} attempt {} ended {} but could not be recorded ({}): it is due again at the next "
                    + "start", attempt.callbackId(), attempt.attempt(), attempt.outcome(), e.toString());
        }
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(2, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
