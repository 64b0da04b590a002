package io.hotline.routing.engine;

import io.hotline.routing.queue.RoutingStep;
import io.hotline.routing.seat.SeatState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides who takes what: the best seat for a call, the best call for a seat, and the offer that follows, with
 * an explanation stored with the call. Confined to the routing thread.
 */
final class Matchmaker {
    private final EngineContext context;
    private final int[] found = new int[1];
    /**
     * Callers waiting for their owner seat first, by owner seat id, so that an owner becoming ready finds them
     * whatever its skills (the waiting index only shows a seat the calls filed under a skill it has).
     */
    private final Map<String, List<CallRecord>> stickyByOwner = new HashMap<>();

    Matchmaker(EngineContext context) {
        this.context = context;
    }

    /** Offers {@code call} to the best eligible seat, if one is ready; otherwise it keeps waiting. */
    void routeCall(CallRecord call) {
        while (call.phase == CallPhase.WAITING) {
            RoutingStep step = call.step(context.nowMs);
            boolean sticky = stickyActive(call);
            SeatRecord seat;
            if (sticky) {
                SeatRecord owner = context.seats.get(call.ownerSeatId);
                seat = owner.indexed ? owner : null;
            } else {
                seat = context.ready.best(call, step, context.config.ordering(), found);
            }
            if (seat == null) {
                return;
            }
            if (!takesAnEarlierCall(seat, call)) {
                offer(call, seat, sticky ? new Explanation.Sticky(seat.id) : explain(call, step, seat, found[0]));
            }
        }
    }

    /**
     * Whether {@code seat} is offered a call ahead of {@code call} instead: one that may take the seat since this
     * same moment (timers due together fire one by one), so a seat always gets the first call in queue order it
     * may take. {@code call} then looks for another seat.
     */
    private boolean takesAnEarlierCall(SeatRecord seat, CallRecord call) {
        CallRecord first = firstFor(seat);
        if (first == null || first == call || CallRecord.QUEUE_ORDER.compare(first, call) > 0) {
            return false;
        }
        offerToSeat(first, seat);
        return true;
    }

    /** Offers the best eligible waiting call to {@code seat}, if the seat is ready and a call fits. */
    void routeSeat(SeatRecord seat) {
        if (!seat.indexed) {
            return;
        }
        CallRecord call = firstFor(seat);
        if (call != null) {
            offerToSeat(call, seat);
        }
    }

    /** The first waiting call in queue order that {@code seat} may take, its sticky callers included. */
    private CallRecord firstFor(SeatRecord seat) {
        CallRecord first = context.waiting.firstEligible(seat.skillIds, seat.tier, context.nowMs,
                candidate -> eligible(seat, candidate));
        List<CallRecord> sticky = stickyByOwner.get(seat.id);
        if (sticky != null) {
            for (CallRecord call : sticky) {
                if (isWaiting(call) && stickyActive(call)
                        && (first == null || CallRecord.QUEUE_ORDER.compare(call, first) < 0)) {
                    first = call;
                }
            }
        }
        return first;
    }

    /** Remembers a caller who waits for its owner seat first. */
    void awaitsOwner(CallRecord call) {
        List<CallRecord> sticky = stickyByOwner.computeIfAbsent(call.ownerSeatId, owner -> new ArrayList<>());
        // Forget callers whose window is over, so the list holds only the owner's current sticky callers.
        sticky.removeIf(old -> old.gone || context.nowMs >= old.stickyUntilMs);
        sticky.add(call);
    }

    /** The owner seat logged out: its callers' sticky windows are over, so they go to every eligible seat now. */
    void ownerLoggedOut(SeatRecord owner) {
        List<CallRecord> sticky = stickyByOwner.get(owner.id);
        if (sticky == null) {
            return;
        }
        List<CallRecord> released = new ArrayList<>(sticky);
        released.sort(CallRecord.QUEUE_ORDER);
        for (CallRecord call : released) {
            if (isWaiting(call)) {
                routeCall(call);
            }
        }
    }

    /** Whether the call is still in the engine and waiting (a gone call keeps its last phase). */
    private boolean isWaiting(CallRecord call) {
        return call.phase == CallPhase.WAITING && !call.gone;
    }

    private void offerToSeat(CallRecord call, SeatRecord seat) {
        if (stickyActive(call)) {
            offer(call, seat, new Explanation.Sticky(seat.id));
        } else {
            RoutingStep step = call.step(context.nowMs);
            offer(call, seat, explain(call, step, seat, -1));
        }
    }

    /** Whether {@code seat} may take waiting {@code call} now. */
    boolean eligible(SeatRecord seat, CallRecord call) {
        if (call.phase != CallPhase.WAITING) {
            return false;
        }
        if (stickyActive(call)) {
            return seat.id.equals(call.ownerSeatId);
        }
        RoutingStep step = call.step(context.nowMs);
        if (!step.tiers().contains(seat.tier)) {
            return false;
        }
        if (!call.hasRequirements()) {
            return true;
        }
        return seat.level(call.requiredSkills[0]) >= step.effectiveMinimum(call.requiredLevels[0])
                && ReadySeats.hasOtherSkills(seat, call, step);
    }

    /** Whether the call is still waiting for its owner seat alone. */
    boolean stickyActive(CallRecord call) {
        if (call.ownerSeatId == null || context.nowMs >= call.stickyUntilMs) {
            return false;
        }
        SeatRecord owner = context.seats.get(call.ownerSeatId);
        return owner != null && owner.state != SeatState.LOGGED_OUT;
    }

    private void offer(CallRecord call, SeatRecord seat, Explanation explanation) {
        context.waiting.remove(call);
        context.ready.remove(seat);
        call.phase = CallPhase.OFFERED;
        call.seat = seat;
        call.offerGeneration++;
        seat.call = call;
        context.setState(seat, SeatState.RESERVED, null);
        Duration ring = context.config.ringTimeout();
        context.timers.schedule(context.nowMs + ring.toMillis(), Timers.Kind.OFFER_TIMEOUT, call, seat,
                call.offerGeneration);
        RoutingEvent.CallbackDue callback = call.callback;
        if (callback != null) {
            // Hotline calls out: the seat's phone first, then the customer (no caller waits in a Dial).
            context.emit(new RoutingCommand.DialCallback(call.id, callback.callbackId(), callback.workOrderId(),
                    seat.id, seat.profile.dialString(), callback.number(), callback.attempt(), call.offerGeneration,
                    ring, explanation));
            return;
        }
        context.emit(new RoutingCommand.OfferCall(call.id, seat.id, seat.profile.dialString(), seat.tier,
                call.workOrderId, ring, explanation));
        context.emit(new RoutingCommand.RecordDecision(call.id, explanation));
    }

    private Explanation explain(CallRecord call, RoutingStep step, SeatRecord seat, int eligibleSeats) {
        boolean skills = call.hasRequirements();
        Explanation.ChosenSeat chosen = new Explanation.ChosenSeat(seat.id, seat.tier,
                skills ? seat.level(call.requiredSkills[0]) : 0, Math.max(0, context.nowMs - seat.readySinceMs) / 1000,
                seat.callsToday);
        return new Explanation.SeatChosen(call.queue.name(), step, call.primarySkill,
                skills ? step.effectiveMinimum(call.requiredLevels[0]) : 0, (context.nowMs - call.queuedMs) / 1000,
                eligibleSeats, chosen, context.config.ordering());
    }
}
