package io.hotline.routing.engine;

import io.hotline.routing.callback.CallbackOutcome;
import io.hotline.routing.queue.QueueConfig;
import java.time.Duration;

/**
 * Callbacks routed like calls: a due callback joins its queue at the caller's place (ordered by the original
 * arrival, ahead of fresh callers of the same rank, as an escalated call is), is offered to a ready seat
 * ({@link RoutingCommand.DialCallback} instead of an {@code OfferCall}), and leaves the engine once telephony reports
 * how the dial of the customer ended ({@link RoutingCommand.CallbackAttempted}). In between it is a call: ring
 * timeouts, missed offers, the seat's answer and wrap-up are {@link CallLifecycle}'s. What a callback never does: it
 * hears no announcements and no callback offer, it opens no work order and writes no call record (it is work on the
 * caller's existing work order), and it cannot be escalated live.
 * <p>
 * Confined to the routing thread.
 */
final class CallbackLifecycle {
    private final EngineContext context;
    private final Matchmaker matchmaker;
    private final CallLifecycle calls;

    CallbackLifecycle(EngineContext context, Matchmaker matchmaker, CallLifecycle calls) {
        this.context = context;
        this.matchmaker = matchmaker;
        this.calls = calls;
    }

    void due(RoutingEvent.CallbackDue due) {
        String callId = due.callId();
        if (context.calls.containsKey(callId)) {
            context.emit(new RoutingCommand.RequestRejected(callId, "callback attempt is already in the engine"));
            return;
        }
        QueueConfig queue = due.queue() == null ? context.config.queueOrDefault(context.config.defaultQueue())
                : context.config.queueOrDefault(due.queue());
        CallRecord call = new CallRecord(callId, context.callSequence++);
        call.callback = due;
        call.queue = queue;
        call.requiredSkills = new int[0];
        call.requiredLevels = new byte[0];
        // The caller's place: their original arrival, never a place in the future (a seat's appointment is due now).
        call.firstJoinedMs = Math.min(due.originalArrival().toEpochMilli(), context.nowMs);
        call.stickyUntilMs = context.nowMs;
        call.workOrderId = due.workOrderId();
        call.callbackOffered = true;
        context.calls.put(callId, call);
        calls.enqueue(call, queue, true);
        matchmaker.routeCall(call);
    }

    /**
     * Telephony reports the end of the customer's dial, or that the callback could not be placed. A report for an
     * offer the seat never answered (no AMI, the originate failed) releases the seat without a penalty.
     */
    void dialled(CallRecord call, RoutingEvent.CallbackDialled dialled) {
        if (call.callback == null || (call.phase != CallPhase.CONNECTED && call.phase != CallPhase.OFFERED)) {
            context.emit(new RoutingCommand.RequestRejected(call.id, "no callback is being dialled as " + call.id));
            return;
        }
        SeatRecord seat = call.seat;
        if (dialled.seatId() != null && !dialled.seatId().equals(seat.id)) {
            context.emit(new RoutingCommand.RequestRejected(call.id, "callback report from " + dialled.seatId()
                    + ", but the callback is with " + seat.id));
            return;
        }
        if (dialled.outcome() == null) {
            // The seat left before the customer was dialled: the callback keeps its place, no attempt is used.
            calls.release(call, seat, DeclineReason.REJECTED, false);
            return;
        }
        boolean answered = call.phase == CallPhase.CONNECTED;
        finish(call, dialled.outcome(), dialled.outcome() == CallbackOutcome.CONNECTED ? dialled.talked()
                : Duration.ZERO);
        if (answered) {
            seat.missedInARow = 0;
            calls.toWrapUp(seat);
        } else {
            calls.seats().becomeReady(seat, false);
        }
    }

    /** The seat's leg ended (the PBX says so) while the callback was connected, without the dialplan's report. */
    void endedUnreported(CallRecord call) {
        SeatRecord seat = call.seat;
        finish(call, CallbackOutcome.FAILED, Duration.ZERO);
        calls.toWrapUp(seat);
    }

    private void finish(CallRecord call, CallbackOutcome outcome, Duration talked) {
        SeatRecord seat = call.seat;
        context.waiting.remove(call);
        context.calls.remove(call.id);
        call.gone = true;
        call.seat = null;
        call.offerGeneration++;
        if (seat != null) {
            seat.call = null;
        }
        RoutingEvent.CallbackDue due = call.callback;
        context.emit(new RoutingCommand.CallbackAttempted(call.id, due.callbackId(), due.workOrderId(),
                seat == null ? null : seat.id, due.attempt(), outcome, talked));
    }
}
