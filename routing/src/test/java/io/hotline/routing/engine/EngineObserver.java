package io.hotline.routing.engine;

import io.hotline.routing.engine.EngineModel.Call;
import io.hotline.routing.engine.EngineModel.Seat;
import io.hotline.routing.queue.QueueConfig;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.seat.SeatState;
import java.time.Instant;
import java.util.List;

/**
 * Follows one property run: before each event it applies the effects the event has without a command of its
 * own (a decline, a hang-up during a conversation, an escalation), then it reads the event's commands in order,
 * keeping the {@link EngineModel} in step and checking every offer the moment it is emitted:
 * <ul>
 *   <li>the seat was ready, free, with a phone able to ring and not cooling down just before (it turns
 *       {@code RESERVED} in the command right before the offer);</li>
 *   <li>the seat is eligible: its tier is in the call's step and it has every required skill at the step's
 *       minimum, or, for an offer explained as sticky, it is the owner seat within the sticky window;</li>
 *   <li>queue discipline: no other waiting call the seat was eligible for comes first in queue order.</li>
 * </ul>
 * Violations are collected, not thrown, so the engine is never interrupted. Confined to the test thread.
 */
final class EngineObserver {
    private final EngineModel model;
    private final List<String> violations;
    private final RunFigures figures;
    private boolean inTick;
    private String reservedSeat;
    private String afterHoursExpected;
    private String joined;

    EngineObserver(EngineModel model, List<String> violations, RunFigures figures) {
        this.model = model;
        this.violations = violations;
        this.figures = figures;
    }

    /** Applies what {@code event} does before any command it causes; {@code nowMs} is the clock now. */
    void before(RoutingEvent event, long nowMs) {
        model.nowMs = nowMs;
        inTick = event instanceof RoutingEvent.Tick;
        reservedSeat = null;
        afterHoursExpected = null;
        joined = null;
        if (event instanceof RoutingEvent.SeatConfigured configured) {
            Seat seat = model.seats.computeIfAbsent(configured.profile().seatId(), Seat::new);
            seat.tier = configured.profile().tier();
            seat.skills = configured.profile().skills();
        } else if (event instanceof RoutingEvent.DeviceStateChanged device) {
            deviceChanged(device.seatId(), device.state());
        } else if (event instanceof RoutingEvent.OfferDeclined declined) {
            declined(declined.callId(), declined.seatId());
        } else if (event instanceof RoutingEvent.CallHungUp hungUp) {
            endConversation(hungUp.callId());
        } else if (event instanceof RoutingEvent.CallEnded ended) {
            endConversation(ended.callId());
        } else if (event instanceof RoutingEvent.EscalationRequested escalation) {
            escalating(escalation);
        } else if (event instanceof RoutingEvent.CallArrived arrived) {
            arriving(arrived);
        }
    }

    /** The call the current event brought into the engine, or null. */
    String joined() {
        return joined;
    }

    /** Checks what the whole event should have caused, once all its commands are in. */
    void after() {
        if (reservedSeat != null) {
            violations.add("seat " + reservedSeat + " turned RESERVED without an offer");
        }
        if (afterHoursExpected != null) {
            violations.add("call " + afterHoursExpected + " arrived while its queue was closed, but got no "
                    + "after-hours message");
        }
    }

    private void deviceChanged(String seatId, DeviceState state) {
        Seat seat = model.seats.get(seatId);
        if (seat == null) {
            return;
        }
        seat.device = state;
        if (seat.state == SeatState.RESERVED && state == DeviceState.UNAVAILABLE && seat.callId != null) {
            backToWaiting(model.calls.get(seat.callId), seat, true);
        }
    }

    private void declined(String callId, String seatId) {
        Call call = model.calls.get(callId);
        Seat seat = model.seats.get(seatId);
        if (seat != null && call != null && call.phase == CallPhase.OFFERED && seatId.equals(call.seatId)) {
            figures.declines++;
            backToWaiting(call, seat, true);
        }
    }

    private void backToWaiting(Call call, Seat seat, boolean declined) {
        call.phase = CallPhase.WAITING;
        call.seatId = null;
        seat.callId = null;
        seat.declining = declined;
    }

    /** A hang-up or end of a live conversation frees the seat without a command of its own. */
    private void endConversation(String callId) {
        Call call = model.calls.get(callId);
        if (call != null && call.phase == CallPhase.CONNECTED) {
            model.gone(call);
        }
    }

    private void escalating(RoutingEvent.EscalationRequested escalation) {
        Call call = model.calls.get(escalation.callId());
        Seat seat = model.seats.get(escalation.seatId());
        if (seat == null || call == null || call.phase != CallPhase.CONNECTED
                || !seat.id.equals(call.seatId)) {
            return;
        }
        QueueConfig target = model.config.queues().get(escalation.targetQueue());
        if (target != null && !target.name().equals(call.queue.name())) {
            seat.callId = null;
            call.seatId = null;
            call.phase = null;
        }
    }

    private void arriving(RoutingEvent.CallArrived arrived) {
        if (model.calls.containsKey(arrived.callId())) {
            return;
        }
        model.sent.add(arrived.callId());
        QueueConfig queue = model.queueNamed(arrived.queue());
        Instant now = Instant.ofEpochMilli(model.nowMs);
        boolean open = queue.steps().stream().flatMap(step -> step.tiers().stream())
                .anyMatch(tier -> model.config.hours().isOpen(tier, now));
        if (!open) {
            afterHoursExpected = arrived.callId();
            return;
        }
        Call call = model.join(arrived.callId(), queue, arrived.priority(), arrived.requirements());
        joined = call.id;
        call.ownerSeatId = arrived.ownerSeatId();
        Seat owner = arrived.ownerSeatId() == null ? null : model.seats.get(arrived.ownerSeatId());
        call.stickyUntilMs = owner == null || owner.state == SeatState.LOGGED_OUT ? model.nowMs
                : model.nowMs + model.config.stickyFor().toMillis();
    }

    /** Reads one command of the current event. */
    void onCommand(RoutingCommand command) {
        if (reservedSeat != null && !(command instanceof RoutingCommand.OfferCall)) {
            violations.add("seat " + reservedSeat + " turned RESERVED but the next command is not its offer: "
                    + command);
            reservedSeat = null;
        }
        if (command instanceof RoutingCommand.SeatStateChanged changed) {
            seatChanged(changed);
        } else if (command instanceof RoutingCommand.OfferCall offer) {
            offered(offer);
        } else if (command instanceof RoutingCommand.CancelOffer cancel) {
            cancelled(cancel);
        } else if (command instanceof RoutingCommand.CallConnected connected) {
            connected(connected);
        } else if (command instanceof RoutingCommand.CallAbandoned abandoned) {
            abandoned(abandoned);
        } else if (command instanceof RoutingCommand.MoveToQueue moved) {
            moved(moved);
        } else if (command instanceof RoutingCommand.AnnounceWait announce) {
            mustBeWaiting(announce.callId(), "announcement");
        } else if (command instanceof RoutingCommand.OfferCallback callback) {
            mustBeWaiting(callback.callId(), "callback offer");
        } else if (command instanceof RoutingCommand.PlayAfterHours afterHours) {
            if (!afterHours.callId().equals(afterHoursExpected)) {
                violations.add("after-hours message for " + afterHours.callId() + " while its queue is open");
            }
            figures.afterHours++;
            afterHoursExpected = null;
        }
    }

    private void seatChanged(RoutingCommand.SeatStateChanged changed) {
        Seat seat = model.seats.get(changed.seatId());
        if (seat == null) {
            violations.add("state change of seat " + changed.seatId() + ", which was never configured");
            return;
        }
        if (changed.state() == SeatState.RESERVED) {
            checkFreeAndReady(seat);
            reservedSeat = seat.id;
        }
        if (seat.declining && changed.state() == SeatState.READY) {
            seat.coolUntilMs = model.nowMs + model.config.declineCooldown().toMillis();
        }
        seat.declining = false;
        seat.state = changed.state();
    }

    /** "The seat was READY with device UNKNOWN/NOT_IN_USE just before" and it held no call. */
    private void checkFreeAndReady(Seat seat) {
        if (seat.callId != null) {
            violations.add("seat " + seat.id + " is reserved for an offer while it holds call " + seat.callId);
        }
        if (seat.state != SeatState.READY) {
            violations.add("seat " + seat.id + " is reserved for an offer from state " + seat.state);
        }
        if (!EngineModel.canRing(seat.device)) {
            violations.add("seat " + seat.id + " is reserved for an offer while its device is " + seat.device);
        }
        if (model.nowMs < seat.coolUntilMs) {
            violations.add("seat " + seat.id + " is reserved for an offer while cooling down until "
                    + seat.coolUntilMs);
        }
    }

    private void offered(RoutingCommand.OfferCall offer) {
        figures.offers++;
        Seat seat = model.seats.get(offer.seatId());
        Call call = model.calls.get(offer.callId());
        if (!offer.seatId().equals(reservedSeat)) {
            violations.add("offer " + offer.callId() + "->" + offer.seatId() + " without reserving the seat first");
        }
        reservedSeat = null;
        if (seat == null || call == null || call.phase != CallPhase.WAITING) {
            violations.add("offer " + offer.callId() + "->" + offer.seatId() + " of a call that is not waiting: "
                    + call);
            return;
        }
        boolean explainedSticky = offer.explanation() != null && offer.explanation().startsWith("sticky");
        if (explainedSticky) {
            figures.stickyOffers++;
            if (!model.sticky(call) || !seat.id.equals(call.ownerSeatId)) {
                violations.add("sticky offer " + call.id + "->" + seat.id + " outside the owner's window: " + call);
            }
        } else if (model.sticky(call)) {
            violations.add("offer " + call.id + "->" + seat.id + " during the sticky window of owner "
                    + call.ownerSeatId);
        } else if (!model.fits(seat, call)) {
            violations.add("offer " + call.id + "->" + seat.id + " to an ineligible seat (" + seat.tier + " "
                    + seat.skills + ") under step " + model.step(call) + ": " + call);
        }
        if (offer.tier() != seat.tier) {
            violations.add("offer " + call.id + "->" + seat.id + " names tier " + offer.tier() + ", seat is "
                    + seat.tier);
        }
        checkQueueDiscipline(seat, call);
        call.phase = CallPhase.OFFERED;
        call.seatId = seat.id;
        seat.callId = call.id;
    }

    private void checkQueueDiscipline(Seat seat, Call offered) {
        for (Call other : model.callsIn(CallPhase.WAITING)) {
            if (other != offered && EngineModel.QUEUE_ORDER.compare(other, offered) < 0
                    && model.eligible(seat, other)) {
                violations.add("offer " + offered.id + "->" + seat.id + " jumps the queue: " + other.id
                        + " comes first and " + seat.id + " (" + seat.tier + " " + seat.skills
                        + ") may take it; offered " + offered + ", skipped " + other);
            }
        }
    }

    private void cancelled(RoutingCommand.CancelOffer cancel) {
        Call call = model.calls.get(cancel.callId());
        Seat seat = model.seats.get(cancel.seatId());
        if (seat == null || call == null || call.phase != CallPhase.OFFERED || !seat.id.equals(call.seatId)) {
            violations.add("cancel of an offer that is not ringing: " + cancel + ", model has " + call);
            return;
        }
        // In a tick, a cancel is a ring-out: a missed offer, with a cool-down if the seat stays ready.
        if (inTick) {
            figures.ringOuts++;
        }
        backToWaiting(call, seat, inTick);
    }

    private void connected(RoutingCommand.CallConnected connected) {
        Call call = model.calls.get(connected.callId());
        if (call == null || call.phase != CallPhase.OFFERED || !connected.seatId().equals(call.seatId)) {
            violations.add("connected " + connected.callId() + " to " + connected.seatId()
                    + " without an offer ringing there: " + call);
            return;
        }
        if (connected.waited().toMillis() != model.nowMs - call.queuedMs) {
            violations.add("call " + call.id + " waited " + (model.nowMs - call.queuedMs) + " ms, reported "
                    + connected.waited());
        }
        figures.connected++;
        call.phase = CallPhase.CONNECTED;
    }

    private void abandoned(RoutingCommand.CallAbandoned abandoned) {
        Call call = model.calls.get(abandoned.callId());
        if (call == null || call.phase != CallPhase.WAITING || !call.queue.name().equals(abandoned.queue())) {
            violations.add("abandoned " + abandoned + " but the model has " + call);
        }
        if (call != null) {
            model.gone(call);
        }
        figures.abandoned++;
    }

    private void moved(RoutingCommand.MoveToQueue moved) {
        Call call = model.calls.get(moved.callId());
        if (call == null || call.phase != null) {
            violations.add("moved " + moved + " but the model expected no escalation: " + call);
            return;
        }
        QueueConfig target = model.config.queues().get(moved.queue());
        if (target == null) {
            violations.add("moved " + moved.callId() + " to unknown queue " + moved.queue());
            return;
        }
        figures.escalations++;
        call.queue = target;
        call.queuedMs = model.nowMs;
        call.escalated = true;
        call.ownerSeatId = null;
        call.stickyUntilMs = model.nowMs;
        call.phase = CallPhase.WAITING;
    }

    private void mustBeWaiting(String callId, String what) {
        Call call = model.calls.get(callId);
        if (call == null || call.phase != CallPhase.WAITING) {
            violations.add(what + " for " + callId + ", which is not waiting: " + call);
        }
    }

    /** Counts of what happened in a run, for the coverage statistics. */
    static final class RunFigures {
        int offers;
        int stickyOffers;
        int connected;
        int declines;
        int ringOuts;
        int abandoned;
        int escalations;
        int afterHours;
    }
}
