package io.hotline.telephony.scripts;

import io.hotline.routing.engine.RoutingCommand;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seats' answers whose {@code answered} sessions hold the seat's leg until the routing engine's verdict comes
 * ({@link AnsweredScript}), keyed by request id. A session {@link #open opens} one, puts its id on the
 * {@code OfferAnswered} it offers to routing, and gets the engine's {@link RoutingCommand.AnswerVerdict}, or an
 * empty verdict after its timeout or once it is {@link #cancel cancelled}.
 * <p>
 * Thread-safe: the routing thread calls {@link #decided}, which never blocks (it completes the waiting stage; the
 * session hops back to its own event loop); the timeout runs on the session's event loop.
 */
final class PendingAnswers {
    private final Map<String, CompletableFuture<Optional<RoutingCommand.AnswerVerdict>>> waiting =
            new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** An answer waiting for the engine: its request id, and the verdict to come (empty when none came). */
    record Pending(String requestId, CompletionStage<Optional<RoutingCommand.AnswerVerdict>> verdict) {
    }

    /** Opens an answer; its verdict completes empty after {@code timeout}, scheduled on {@code executor}. */
    Pending open(EventExecutor executor, Duration timeout) {
        String requestId = "answer-" + sequence.incrementAndGet();
        CompletableFuture<Optional<RoutingCommand.AnswerVerdict>> verdict = new CompletableFuture<>();
        waiting.put(requestId, verdict);
        ScheduledFuture<?> timer = executor.schedule(() -> cancel(requestId), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        verdict.whenComplete((done, error) -> timer.cancel(false));
        return new Pending(requestId, verdict);
    }

    /** Gives up waiting for {@code requestId} (timed out, never reached the engine, the leg hung up). */
    void cancel(String requestId) {
        CompletableFuture<Optional<RoutingCommand.AnswerVerdict>> verdict = waiting.remove(requestId);
        if (verdict != null) {
            verdict.complete(Optional.empty());
        }
    }

    /** The engine decided; a verdict nobody waits for any more is dropped. */
    void decided(RoutingCommand.AnswerVerdict verdict) {
        CompletableFuture<Optional<RoutingCommand.AnswerVerdict>> waiter = waiting.remove(verdict.requestId());
        if (waiter != null) {
            waiter.complete(Optional.of(verdict));
        }
    }

    /** Answers waiting for a verdict now. */
    int waiting() {
        return waiting.size();
    }
}
