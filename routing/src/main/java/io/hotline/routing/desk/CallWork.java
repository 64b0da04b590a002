package io.hotline.routing.desk;

import io.hotline.routing.engine.Handoff;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Instant;

/**
 * Opens work orders (one per call; by hand for e-mails and walk-ins) and applies what the call engine reports
 * about calls. Confined to the service-desk thread.
 */
final class CallWork {
    private static final String LEFT = "the caller left before a seat answered: call back";
    private final DeskState state;

    CallWork(DeskState state) {
        this.state = state;
    }

    void arrived(DeskEvent.CallArrived arrived) {
        Actor caller = new Actor(ActorKind.CALLER, arrived.call().linkedId());
        DeskWorkOrder existing = state.byCall.get(arrived.call());
        if (existing != null) {
            state.refuse(arrived.call().toString(), "CallArrived", "the call already has work order " + existing.id
                    + "; a call gets exactly one", caller);
            return;
        }
        openForCall(arrived.call(), arrived.problem(), arrived.severity(), caller, false, "call arrived");
    }

    void abandoned(DeskEvent.CallAbandoned abandoned) {
        Actor caller = new Actor(ActorKind.CALLER, abandoned.call().linkedId());
        DeskWorkOrder workOrder = state.byCall.get(abandoned.call());
        if (workOrder == null) {
            openForCall(abandoned.call(), abandoned.problem(), abandoned.severity(), caller, true, LEFT);
        } else if (!workOrder.isOpen()) {
            state.refuse(Long.toString(workOrder.id), "CallAbandoned", "work order " + workOrder.id + " is "
                    + workOrder.state + ": nobody calls back", caller);
        } else {
            if (workOrder.callbackAtMs == DeskWorkOrder.NONE) {
                workOrder.callbackAtMs = state.nowMs;
            }
            state.changed(workOrder, caller, AuditAction.CALL_ABANDONED, LEFT, workOrder.state, workOrder.tier);
        }
    }

    /**
     * The caller was handed to a callback, the after-hours message or the fallback queue: callback work (from now,
     * or from the hotline's next opening) or, for the fallback queue, only audited; never an abandon.
     */
    void handedOff(DeskEvent.CallHandedOff handedOff) {
        Actor caller = new Actor(ActorKind.CALLER, handedOff.call().linkedId());
        Handoff handoff = handedOff.handoff();
        boolean callback = handoff != Handoff.FALLBACK;
        DeskWorkOrder workOrder = state.byCall.get(handedOff.call());
        if (workOrder == null) {
            openForCall(handedOff.call(), handedOff.problem(), handedOff.severity(), caller, callback,
                    why(handoff, state.nowMs));
            return;
        }
        if (!workOrder.isOpen()) {
            state.refuse(Long.toString(workOrder.id), "CallHandedOff", "work order " + workOrder.id + " is "
                    + workOrder.state + ": nothing to hand off", caller);
            return;
        }
        long startMs = state.nowMs;
        if (handoff == Handoff.AFTER_HOURS) {
            startMs = nextOpening();
            if (startMs > state.nowMs && workOrder.callbackAtMs == DeskWorkOrder.NONE
                    && workOrder.state == WorkOrderState.NEW && workOrder.respondedAtMs == DeskWorkOrder.NONE) {
                // Nobody can respond before the opening: the clocks start then, as for a call the desk saw closed.
                workOrder.response.pause(workOrder.calendar, state.nowMs);
                workOrder.response.restart(startMs);
                workOrder.resolution.pause(workOrder.calendar, state.nowMs);
                workOrder.resolution.restart(startMs);
            }
        }
        if (callback && workOrder.callbackAtMs == DeskWorkOrder.NONE) {
            workOrder.callbackAtMs = startMs;
        }
        state.changed(workOrder, caller, AuditAction.CALL_HANDED_OFF, why(handoff, startMs), workOrder.state,
                workOrder.tier);
    }

    private static String why(Handoff handoff, long startMs) {
        return switch (handoff) {
            case CALLBACK -> "the caller chose a callback while waiting: call back";
            case AFTER_HOURS -> "after hours: call back at the opening, " + Instant.ofEpochMilli(startMs);
            case FALLBACK -> "served by the dialplan's fallback queue, outside Hotline";
        };
    }

    /** The hotline's next opening (tier 1), now when it is open. */
    private long nextOpening() {
        return state.hotlineHours().nextOpening(Tier.TIER1, state.now()).map(Instant::toEpochMilli)
                .orElse(state.nowMs);
    }

    /**
     * Opens the call's work order. Outside the hotline's hours it is callback work from the next opening, and its
     * clocks start then; with {@code callback} (an abandoned call, a callback chosen) it is callback work at once.
     */
    private void openForCall(CallKey call, CustomerProblem problem, Severity severity, Actor caller,
                             boolean callback, String why) {
        long now = state.nowMs;
        long startMs = nextOpening();
        boolean afterHours = startMs > now;
        DeskWorkOrder workOrder = new DeskWorkOrder(state.nextId++, Origin.CALL, call, problem, null,
                state.calendarFor(problem), now);
        workOrder.severity = severity;
        workOrder.state = WorkOrderState.NEW;
        workOrder.tier = Tier.TIER1;
        if (afterHours || callback) {
            workOrder.callbackAtMs = startMs;
        }
        workOrder.response.restart(startMs);
        workOrder.resolution.restart(startMs);
        state.opened(workOrder, caller, afterHours ? "after hours: call back at the opening, "
                + Instant.ofEpochMilli(startMs) : why);
    }

    void openedByHand(DeskEvent.OpenedByHand opened) {
        if (!opened.actor().isPerson()) {
            state.refuse("new", "OpenedByHand", "only a seat or a supervisor opens a work order by hand",
                    opened.actor());
            return;
        }
        if (opened.origin() == Origin.CALL) {
            state.refuse("new", "OpenedByHand", "a call's work order is opened by the call itself",
                    opened.actor());
            return;
        }
        long now = state.nowMs;
        DeskWorkOrder workOrder = new DeskWorkOrder(state.nextId++, opened.origin(), null, opened.problem(),
                opened.summary(), state.calendarFor(opened.problem()), now);
        workOrder.severity = opened.severity();
        workOrder.state = WorkOrderState.NEW;
        workOrder.tier = Tier.TIER1;
        workOrder.owner = opened.actor().kind() == ActorKind.SEAT ? opened.actor().id() : null;
        workOrder.response.restart(now);
        workOrder.resolution.restart(now);
        if (opened.origin() == Origin.WALK_IN) {
            // The customer is in front of a person: the opening is the response.
            workOrder.respondedAtMs = now;
            workOrder.contacts = 1;
            workOrder.response.stop(workOrder.calendar, now);
            workOrder.state = WorkOrderState.IN_PROGRESS;
        }
        state.opened(workOrder, opened.actor(), opened.summary());
    }

    void connected(DeskEvent.CallConnected connected) {
        Actor seat = Actor.seat(connected.seatId());
        DeskWorkOrder workOrder = state.byCall.get(connected.call());
        if (workOrder == null) {
            state.refuse(connected.call().toString(), "CallConnected", "the call has no work order", seat);
            return;
        }
        if (!workOrder.isOpen()) {
            state.refuse(Long.toString(workOrder.id), "CallConnected", "work order " + workOrder.id + " is "
                    + workOrder.state, seat);
            return;
        }
        WorkOrderState fromState = workOrder.state;
        boolean first = workOrder.respondedAtMs == DeskWorkOrder.NONE;
        if (first) {
            respond(workOrder);
        }
        workOrder.owner = connected.seatId();
        if (workOrder.state == WorkOrderState.NEW) {
            workOrder.state = WorkOrderState.IN_PROGRESS;
        }
        state.changed(workOrder, seat, AuditAction.CALL_CONNECTED, first ? "first contact: responded" : null,
                fromState, workOrder.tier);
    }

    void ended(DeskEvent.CallEnded ended) {
        DeskWorkOrder workOrder = state.byCall.get(ended.call());
        if (workOrder != null) {
            state.changed(workOrder, new Actor(ActorKind.CALLER, ended.call().linkedId()), AuditAction.CALL_ENDED,
                    null, workOrder.state, workOrder.tier);
        }
    }

    /** The first human contact: the response clock stops and the contact counts. */
    void respond(DeskWorkOrder workOrder) {
        workOrder.respondedAtMs = state.nowMs;
        workOrder.contacts++;
        workOrder.response.stop(workOrder.calendar, state.nowMs);
    }
}
