package io.hotline.routing.engine;

import io.hotline.routing.queue.RoutingStep;
import io.hotline.routing.seat.SeatState;
import java.time.Duration;

/**
 * Decides who takes what: the best seat for a call, the best call for a seat, and the offer that follows, with
 * an explanation stored with the call. Confined to the routing thread.
 */
final class Matchmaker {
    private final EngineContext context;
    private final int[] found = new int[1];

    Matchmaker(EngineContext context) {
        this.context = context;
    }

    /** Offers {@code call} to the best eligible seat, if one is ready; otherwise it keeps waiting. */
    void routeCall(CallRecord call) {
        if (call.phase != CallPhase.WAITING) {
            return;
        }
        long now = context.nowMs;
        RoutingStep step = call.step(now);
        if (stickyActive(call)) {
            SeatRecord owner = context.seats.get(call.ownerSeatId);
            if (owner.indexed) {
                offer(call, owner, "sticky: the caller's open work order belongs to " + owner.id);
            }
            return;
        }
        SeatRecord seat = context.ready.best(call, step, context.config.ordering(), found);
        if (seat != null) {
            offer(call, seat, explain(call, step, seat, found[0]));
        }
    }

    /** Offers the best eligible waiting call to {@code seat}, if the seat is ready and a call fits. */
    void routeSeat(SeatRecord seat) {
        if (!seat.indexed) {
            return;
        }
        CallRecord call = context.waiting.firstEligible(seat.skillIds, seat.tier, context.nowMs,
                candidate -> eligible(seat, candidate));
        if (call == null) {
            return;
        }
        if (stickyActive(call)) {
            offer(call, seat, "sticky: the caller's open work order belongs to " + seat.id);
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

    private void offer(CallRecord call, SeatRecord seat, String explanation) {
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
        context.emit(new RoutingCommand.OfferCall(call.id, seat.id, seat.profile.dialString(), seat.tier,
                call.workOrderId, ring, explanation));
        context.emit(new RoutingCommand.RecordDecision(call.id, explanation));
    }

    private String explain(CallRecord call, RoutingStep step, SeatRecord seat, int eligibleSeats) {
        StringBuilder text = new StringBuilder(160);
        long waited = context.nowMs - call.queuedMs;
        text.append("queue ").append(call.queue.name()).append(", step ").append(step.name())
                .append(" (tiers ").append(step.tiers());
        if (call.hasRequirements()) {
            text.append(", ").append(call.primarySkill).append(" >= ")
                    .append(step.effectiveMinimum(call.requiredLevels[0]));
        }
        text.append(") after ").append(waited / 1000).append(" s: ");
        if (eligibleSeats >= 0) {
            text.append(eligibleSeats).append(" ready seat(s) in reach; ");
        } else {
            text.append("seat became ready; ");
        }
        text.append("chose ").append(seat.id).append(" (").append(seat.tier);
        if (call.hasRequirements()) {
            text.append(", proficiency ").append(seat.level(call.requiredSkills[0]));
        }
        text.append(", idle ").append(Math.max(0, context.nowMs - seat.readySinceMs) / 1000).append(" s, ")
                .append(seat.callsToday).append(" call(s) today) by ").append(context.config.ordering());
        return text.toString();
    }
}
