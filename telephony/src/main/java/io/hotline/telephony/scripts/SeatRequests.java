package io.hotline.telephony.scripts;

import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.spi.SeatRequestAnswers;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The seats' requests whose feature-code sessions wait for the routing engine's answer, keyed by request id. A
 * session {@link #open opens} a request, puts its id on the seat event it offers to routing, and gets the engine's
 * answer, or an empty one after {@code timeout} so the phone never hangs.
 * <p>
 * Thread-safe: the routing thread calls {@link #answered}, which never blocks (it completes the waiting stage; the
 * session hops back to its own event loop); the timeout runs on the session's event loop.
 */
public final class SeatRequests implements SeatRequestAnswers {
    private final Map<String, CompletableFuture<Optional<RoutingCommand.SeatRequestAnswered>>> waiting =
            new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Duration timeout;

    /** A request opened by a session: its id, and the engine's answer to come (empty when it timed out). */
    public record Pending(String requestId, CompletionStage<Optional<RoutingCommand.SeatRequestAnswered>> answer) {
    }

    public SeatRequests(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the seat request timeout must be positive: " + timeout);
        }
    }

    /** Opens a request; its answer completes empty after the timeout, scheduled on {@code executor}. */
    Pending open(EventExecutor executor) {
        String requestId = "seat-" + sequence.incrementAndGet();
        CompletableFuture<Optional<RoutingCommand.SeatRequestAnswered>> answer = new CompletableFuture<>();
        waiting.put(requestId, answer);
        ScheduledFuture<?> timer = executor.schedule(() -> {
            if (waiting.remove(requestId, answer)) {
                answer.complete(Optional.empty());
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        answer.whenComplete((done, error) -> timer.cancel(false));
        return new Pending(requestId, answer);
    }

    /** Forgets a request that never reached the engine (its inbox refused the event). */
    void cancel(String requestId) {
        CompletableFuture<Optional<RoutingCommand.SeatRequestAnswered>> answer = waiting.remove(requestId);
        if (answer != null) {
            answer.complete(Optional.empty());
        }
    }

    /** Requests waiting for an answer now. */
    public int waiting() {
        return waiting.size();
    }

    @Override
    public void answered(RoutingCommand.SeatRequestAnswered answer) {
        CompletableFuture<Optional<RoutingCommand.SeatRequestAnswered>> waiter = waiting.remove(answer.requestId());
        if (waiter != null) {
            waiter.complete(Optional.of(answer));
        }
    }
}
