package io.hotline.routing.spi;

import io.hotline.routing.callback.CallbackOutcome;
import io.hotline.routing.callback.DueCallback;
import java.time.Instant;
import java.util.List;

/**
 * The callbacks Hotline owes, as the scheduler that routes them and the supervisors' list see them. A callback is
 * {@code PENDING} until due, {@code DIALLING} while it is in the routing engine (claimed), and ends
 * {@code CONNECTED}, {@code NO_ANSWER} or {@code FAILED} (or {@code CANCELLED}); an unanswered attempt with attempts
 * left makes it {@code PENDING} again, due later. The caller decides every change; the ledger writes what it is told.
 * <p>
 * Blocks on I/O: call it from a blocking executor, never from an engine thread. Thread-safe.
 */
public interface CallbackLedger {

    /**
     * At start, before the first claim: every callback left {@code DIALLING} by the previous run (it was in the
     * engine when Hotline stopped or died) is {@code PENDING} again, due as it was; its attempts are kept.
     *
     * @return how many were released
     */
    int releaseDialling();

    /**
     * Claims up to {@code limit} {@code PENDING} callbacks due at or before {@code now} (earliest due first): each
     * becomes {@code DIALLING}. A callback another instance claimed first is not returned.
     */
    List<DueCallback> claimDue(Instant now, int limit);

    /**
     * A claimed callback that could not be handed to routing (its inbox was full) is {@code PENDING} again, due as
     * it was.
     */
    void release(long callbackId);

    /**
     * Records how attempt {@code attempt} of callback {@code callbackId} ended: {@code attempts} becomes
     * {@code attempt}; with {@code retryAt} the callback is {@code PENDING} again, due then; without it, it ends in
     * state {@code outcome} at {@code at}. The work order's trail gets the attempt ({@code seatId} may be
     * {@code null}).
     */
    void recordAttempt(long callbackId, int attempt, CallbackOutcome outcome, String seatId, Instant at,
                       Instant retryAt);

    /**
     * A callback a seat promises the customer of {@code workOrderId} for {@code dueAt}: due then, and keeping the
     * appointment's place in the queue (not the original call's).
     *
     * @return its id, or -1 when the work order does not exist
     */
    long schedule(long workOrderId, String number, String seatId, Instant requestedAt, Instant dueAt);

    /** Open callbacks ({@code PENDING} or {@code DIALLING}), earliest due first, at most {@code limit}. */
    List<OpenCallback> open(int limit);

    /**
     * An open callback, for {@code GET /api/callbacks}.
     *
     * @param state        {@code PENDING} or {@code DIALLING}
     * @param lastOutcome  the last attempt's outcome, or {@code null} before the first
     * @param lastSeatId   the seat of the last attempt, or {@code null}
     */
    record OpenCallback(long callbackId, long workOrderId, String number, Instant requestedAt, Instant dueAt,
                        int attempts, String state, CallbackOutcome lastOutcome, String lastSeatId) {
    }
}
