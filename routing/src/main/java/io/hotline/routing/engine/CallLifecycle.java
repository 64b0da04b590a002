package io.hotline.routing.engine;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.QueueConfig;
import io.hotline.routing.queue.RoutingStep;
import io.hotline.routing.queue.SkillRequirement;
import io.hotline.routing.seat.SeatState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Call events: arrival (or after-hours), hang-up, answer, decline, end, escalation, and the call timers.
 * Confined to the routing thread.
 */
final class CallLifecycle {
    private static final Tier[] TIERS = Tier.values();
    private final EngineContext context;
    private final Matchmaker matchmaker;
    private SeatLifecycle seats;
    private CallbackLifecycle callbacks;
    /** The clock second {@link #openTiers} was worked out for, and its bit per open tier. */
    private long openTiersSecond = Long.MIN_VALUE;
    private int openTiers;

    CallLifecycle(EngineContext context, Matchmaker matchmaker) {
        this.context = context;
        this.matchmaker = matchmaker;
    }

    void seats(SeatLifecycle seatLifecycle) {
        this.seats = seatLifecycle;
    }

    SeatLifecycle seats() {
        return seats;
    }

    void callbacks(CallbackLifecycle callbackLifecycle) {
        this.callbacks = callbackLifecycle;
    }

    void arrived(RoutingEvent.CallArrived event) {
        if (context.calls.containsKey(event.callId())) {
            context.emit(new RoutingCommand.RequestRejected(event.callId(), "call is already in the engine"));
            return;
        }
        QueueConfig queue = context.config.queueOrDefault(event.queue());
        Instant now = Instant.ofEpochMilli(context.nowMs);
        context.emit(new RoutingCommand.CallJoined(event.callId(), queue.name(), event.origin(),
                event.requirements().isEmpty() ? null : event.requirements().get(0).skill(), event.workOrderId(),
                event.priority()));
        if (!anyTierOpen(queue, now)) {
            Instant next = nextOpening(queue, now).orElse(null);
            context.emit(new RoutingCommand.RecordDecision(event.callId(), "queue " + queue.name()
                    + " is closed (no tier staffed now); next opening " + next));
            context.emit(new RoutingCommand.PlayAfterHours(event.callId(), next));
            context.emit(new RoutingCommand.CallHandedOff(event.callId(), queue.name(), Handoff.AFTER_HOURS,
                    Duration.ZERO));
            return;
        }
        CallRecord call = new CallRecord(event.callId(), context.callSequence++);
        call.queue = queue;
        setRequirements(call, event.requirements());
        call.priorityPoints = context.config.weights().points(event.priority());
        call.firstJoinedMs = context.nowMs;
        call.ownerSeatId = event.ownerSeatId();
        call.workOrderId = event.workOrderId();
        SeatRecord owner = event.ownerSeatId() == null ? null : context.seats.get(event.ownerSeatId());
        call.stickyUntilMs = owner == null || owner.state == SeatState.LOGGED_OUT ? context.nowMs
                : context.nowMs + context.config.stickyFor().toMillis();
        context.calls.put(call.id, call);
        if (call.stickyUntilMs > context.nowMs) {
            matchmaker.awaitsOwner(call);
        }
        enqueue(call, queue, false);
        context.timers.schedule(context.nowMs + context.config.offerCallbackAfter().toMillis(),
                Timers.Kind.OFFER_CALLBACK, call, null, 0);
        matchmaker.routeCall(call);
    }

    private void setRequirements(CallRecord call, List<SkillRequirement> requirements) {
        call.requiredSkills = new int[requirements.size()];
        call.requiredLevels = new byte[requirements.size()];
        for (int i = 0; i < requirements.size(); i++) {
            call.requiredSkills[i] = context.skills.idOf(requirements.get(i).skill());
            call.requiredLevels[i] = (byte) requirements.get(i).minLevel();
        }
        call.primarySkill = requirements.isEmpty() ? null : requirements.get(0).skill();
    }

    /** Puts a call at its place in {@code queue} and schedules when its eligibility widens. */
    void enqueue(CallRecord call, QueueConfig queue, boolean escalated) {
        call.queue = queue;
        call.queuedMs = context.nowMs;
        call.escalated = escalated;
        call.rankMs = call.firstJoinedMs - call.priorityPoints * context.config.weights().perPoint().toMillis();
        call.phase = CallPhase.WAITING;
        call.announceGeneration++;
        context.timers.schedule(context.nowMs + context.config.announceEvery().toMillis(), Timers.Kind.ANNOUNCE,
                call, null, call.announceGeneration);
        context.waiting.add(call);
        long offset = 0;
        for (int i = 0; i < queue.steps().size() - 1; i++) {
            offset += queue.steps().get(i).lasts().toMillis();
            context.timers.schedule(call.queuedMs + offset, Timers.Kind.CALL_WIDENS, call, null, call.sequence);
        }
        if (call.stickyUntilMs > context.nowMs) {
            context.timers.schedule(call.stickyUntilMs, Timers.Kind.CALL_WIDENS, call, null, call.sequence);
        }
    }

    void hungUp(CallRecord call) {
        if (call.callback != null) {
            callbackLegGone(call);
            return;
        }
        switch (call.phase) {
            case WAITING -> abandon(call);
            case OFFERED -> {
                SeatRecord seat = call.seat;
                context.emit(new RoutingCommand.CancelOffer(call.id, seat.id, "caller hung up"));
                detach(call, seat);
                abandon(call);
                // The seat did nothing wrong: it keeps its place among ready seats.
                seats.becomeReady(seat, false);
            }
            case CONNECTED -> ended(call);
            default -> { }
        }
    }

    /**
     * The caller left the queue handed to a callback or the fallback queue: out of the engine like an abandon, but
     * not counted as one. A ringing seat is released; a connected call just ends.
     */
    void handedOff(CallRecord call, Handoff handoff) {
        switch (call.phase) {
            case WAITING -> leave(call, handoff);
            case OFFERED -> {
                SeatRecord seat = call.seat;
                context.emit(new RoutingCommand.CancelOffer(call.id, seat.id, "caller handed to " + handoff));
                detach(call, seat);
                leave(call, handoff);
                seats.becomeReady(seat, false);
            }
            case CONNECTED -> ended(call);
            default -> { }
        }
    }

    /**
     * A callback's seat leg ended: unanswered, a missed offer (the callback keeps its place); connected, the end of
     * the attempt without the dialplan's report. A waiting callback has no leg: nothing to do.
     */
    private void callbackLegGone(CallRecord call) {
        if (call.phase == CallPhase.OFFERED) {
            SeatRecord seat = call.seat;
            context.emit(new RoutingCommand.CancelOffer(call.id, seat.id, "the seat's leg ended unanswered"));
            release(call, seat, DeclineReason.NO_ANSWER, false);
        } else if (call.phase == CallPhase.CONNECTED) {
            callbacks.endedUnreported(call);
        }
    }

    private void leave(CallRecord call, Handoff handoff) {
        context.waiting.remove(call);
        context.calls.remove(call.id);
        call.gone = true;
        context.emit(new RoutingCommand.CallHandedOff(call.id, call.queue.name(), handoff,
                Duration.ofMillis(context.nowMs - call.queuedMs)));
    }

    private void abandon(CallRecord call) {
        context.waiting.remove(call);
        context.calls.remove(call.id);
        call.gone = true;
        context.statsOf(call.queue.name()).abandoned++;
        context.emit(new RoutingCommand.CallAbandoned(call.id, call.queue.name(),
                Duration.ofMillis(context.nowMs - call.queuedMs)));
    }

    /** Connects the call to the seat that answered; returns why it refused the answer, {@code null} if it did not. */
    String answered(CallRecord call, SeatRecord seat) {
        if (call.phase != CallPhase.OFFERED || call.seat != seat) {
            String refusal = "answered by " + seat.id + " but not offered to it";
            context.emit(new RoutingCommand.RequestRejected(call.id, refusal));
            return refusal;
        }
        call.phase = CallPhase.CONNECTED;
        call.offerGeneration++;
        long waited = context.nowMs - call.queuedMs;
        context.statsOf(call.queue.name()).answered(waited, call.queue.serviceLevelThreshold().toMillis());
        call.connectedMs = context.nowMs;
        seat.missedInARow = 0;
        seat.callsToday++;
        context.setState(seat, SeatState.ON_CALL, null);
        if (call.callback == null) {
            // A callback's conversation is on its work order, told when the attempt ends (CallbackAttempted).
            context.emit(new RoutingCommand.CallConnected(call.id, seat.id, Duration.ofMillis(waited)));
        }
        return null;
    }

    void declined(CallRecord call, SeatRecord seat, DeclineReason reason) {
        if (call != null && call.phase == CallPhase.WAITING && call.dialing == seat) {
            // The Dial of an offer withdrawn earlier ended: the caller is back in AGI and can be offered again.
            call.dialing = null;
            backInQueue(call);
            return;
        }
        if (call == null || call.phase != CallPhase.OFFERED || call.seat != seat) {
            context.emit(new RoutingCommand.RequestRejected(seat.id, "declined a call not offered to it"));
            return;
        }
        release(call, seat, reason, false);
    }

    /** Ends an offer the seat did not take; the caller goes back in queue now, or once its Dial ended. */
    void release(CallRecord call, SeatRecord seat, DeclineReason reason, boolean stillRinging) {
        detach(call, seat);
        if (reason.countsAsMissed()) {
            seat.missedInARow++;
        }
        boolean goesNotReady = seat.missedInARow >= context.config.maxMissedOffers();
        context.setState(seat, goesNotReady ? SeatState.NOT_READY : SeatState.READY, goesNotReady ? "no-answer"
                : null);
        // Re-route the caller first, while the seat is out of the index: it is not offered the same call again.
        if (!(stillRinging && holdUntilDialEnds(call, seat))) {
            backInQueue(call);
        }
        if (!goesNotReady) {
            seats.coolDown(seat);
        }
    }

    /** Withdraws a ringing offer (seat left, timeout): the seat is left to the caller, the call re-routed. */
    void withdraw(CallRecord call, String reason) {
        SeatRecord seat = call.seat;
        context.emit(new RoutingCommand.CancelOffer(call.id, seat.id, reason));
        detach(call, seat);
        if (!holdUntilDialEnds(call, seat)) {
            backInQueue(call);
        }
    }

    /**
     * The caller of a withdrawn offer is still inside that {@code Dial} until Asterisk ends it (at once after an AMI
     * Hangup, at Dial's timeout without AMI): no other seat is offered the call (its phone would not ring) until the
     * dialplan reports the Dial ended. A caller who hangs up meanwhile is abandoned as usual.
     */
    private boolean holdUntilDialEnds(CallRecord call, SeatRecord seat) {
        // A callback's seat leg is Hotline's own originate, hung up with the offer: no caller is inside a Dial.
        if (!context.config.holdUntilDialEnds() || call.callback != null) {
            return false;
        }
        call.phase = CallPhase.WAITING;
        call.dialing = seat;
        return true;
    }

    private void backInQueue(CallRecord call) {
        call.phase = CallPhase.WAITING;
        context.waiting.add(call);
        matchmaker.routeCall(call);
    }

    private void detach(CallRecord call, SeatRecord seat) {
        call.seat = null;
        call.offerGeneration++;
        seat.call = null;
    }

    void ended(CallRecord call) {
        if (call.callback != null) {
            callbackLegGone(call);
            return;
        }
        if (call.phase != CallPhase.CONNECTED) {
            hungUp(call);
            return;
        }
        SeatRecord seat = call.seat;
        context.calls.remove(call.id);
        call.gone = true;
        context.statsOf(call.queue.name()).handled(context.nowMs - call.connectedMs);
        seat.call = null;
        context.emit(new RoutingCommand.ConversationEnded(call.id, seat.id,
                Duration.ofMillis(context.nowMs - call.connectedMs)));
        toWrapUp(seat);
    }

    void toWrapUp(SeatRecord seat) {
        if (seat.state == SeatState.LOGGED_OUT) {
            return;
        }
        long wrapUp = context.config.wrapUp().toMillis();
        if (wrapUp == 0) {
            seats.afterWork(seat);
            return;
        }
        seat.timerGeneration++;
        context.setState(seat, SeatState.WRAP_UP, null);
        context.timers.schedule(context.nowMs + wrapUp, Timers.Kind.WRAP_UP_ENDS, null, seat, seat.timerGeneration);
    }

    void escalate(CallRecord call, SeatRecord seat, RoutingEvent.EscalationRequested request) {
        String targetQueue = request.targetQueue();
        String reason = request.reason();
        QueueConfig target = context.config.queues().get(targetQueue);
        if (call.phase != CallPhase.CONNECTED || call.seat != seat) {
            context.emit(new RoutingCommand.RequestRejected(call.id, seat.id + " is not connected to this call"));
            return;
        }
        if (call.callback != null) {
            context.emit(new RoutingCommand.RequestRejected(call.id, "a callback cannot be escalated live: "
                    + "escalate its work order"));
            return;
        }
        if (target == null || target == call.queue) {
            context.emit(new RoutingCommand.RequestRejected(call.id, "cannot escalate to queue " + targetQueue));
            return;
        }
        Tier fromTier = seat.tier;
        context.statsOf(call.queue.name()).handled(context.nowMs - call.connectedMs);
        call.seat = null;
        seat.call = null;
        toWrapUp(seat);
        call.ownerSeatId = null;
        call.stickyUntilMs = context.nowMs;
        context.emit(new RoutingCommand.ConversationEnded(call.id, seat.id,
                Duration.ofMillis(context.nowMs - call.connectedMs)));
        context.emit(new RoutingCommand.MoveToQueue(call.id, target.name(), fromTier, reason, request.pbxMoved(),
                seat.id, target.steps().get(0).tiers().get(0)));
        context.emit(new RoutingCommand.RecordDecision(call.id, "escalated by " + seat.id + " (" + fromTier
                + ") to queue " + target.name() + ": " + reason));
        enqueue(call, target, true);
        matchmaker.routeCall(call);
    }

    void offerTimedOut(CallRecord call, long generation) {
        if (call.phase == CallPhase.OFFERED && call.offerGeneration == generation) {
            SeatRecord seat = call.seat;
            context.emit(new RoutingCommand.CancelOffer(call.id, seat.id, "no answer within "
                    + context.config.ringTimeout().toSeconds() + " s"));
            release(call, seat, DeclineReason.NO_ANSWER, true);
        }
    }

    void widens(CallRecord call, long generation) {
        // With no seat offerable a wider step finds nobody: answer before touching the (usually cold) call record.
        if (context.ready.size() == 0) {
            return;
        }
        if (call.sequence == generation && !call.gone && call.phase == CallPhase.WAITING && call.dialing == null) {
            matchmaker.routeCall(call);
        }
    }

    void offerCallback(CallRecord call) {
        if (!call.gone && call.phase == CallPhase.WAITING && !call.callbackOffered) {
            call.callbackOffered = true;
            context.emit(new RoutingCommand.OfferCallback(call.id, Duration.ofMillis(context.nowMs - call.queuedMs)));
        }
    }

    /**
     * A waiting caller's announcement is due: tell them their position and estimated wait, and schedule the next.
     * A caller being offered a seat hears nothing now but keeps the rhythm; one who left the queue, or joined
     * another since ({@code generation} is old), has no more announcements from this timer.
     */
    void announce(CallRecord call, long generation) {
        if (call.gone || generation != call.announceGeneration || call.callback != null
                || (call.phase != CallPhase.WAITING && call.phase != CallPhase.OFFERED)) {
            return;
        }
        context.timers.schedule(context.nowMs + context.config.announceEvery().toMillis(), Timers.Kind.ANNOUNCE, call,
                null, generation);
        int position = context.waiting.positionOf(call);
        if (call.phase != CallPhase.WAITING || position == 0) {
            return;
        }
        context.emit(new RoutingCommand.AnnounceWait(call.id, position, estimatedWait(call, position)));
    }

    /**
     * What a caller at {@code position} in its queue can expect to wait: position × the queue's handling time ÷
     * its staffed seats. The one formula for announcements and for {@link RoutingEngine#estimatedWait}.
     */
    Duration estimatedWait(CallRecord call, int position) {
        double handleMs = context.statsOf(call.queue.name()).handleTimeMs;
        return Duration.ofMillis((long) (position * handleMs / Math.max(1, staffedSeats(call.queue))));
    }

    /** Logged-in seats of the tiers the queue's steps name. */
    private int staffedSeats(QueueConfig queue) {
        int staffed = 0;
        boolean[] counted = new boolean[Tier.values().length];
        for (RoutingStep step : queue.steps()) {
            for (Tier tier : step.tiers()) {
                if (!counted[tier.ordinal()]) {
                    counted[tier.ordinal()] = true;
                    staffed += sumLoggedIn(context.seatCounts[tier.ordinal()]);
                }
            }
        }
        return staffed;
    }

    private static int sumLoggedIn(int[] byState) {
        int sum = 0;
        for (SeatState state : SeatState.values()) {
            if (state != SeatState.LOGGED_OUT && state != SeatState.NOT_READY) {
                sum += byState[state.ordinal()];
            }
        }
        return sum;
    }

    private boolean anyTierOpen(QueueConfig queue, Instant now) {
        // Opening hours change on whole minutes: the open tiers are worked out once per second of the clock.
        long second = Math.floorDiv(context.nowMs, 1_000);
        if (second != openTiersSecond) {
            int open = 0;
            for (Tier tier : TIERS) {
                if (context.config.hours().isOpen(tier, now)) {
                    open |= 1 << tier.ordinal();
                }
            }
            openTiers = open;
            openTiersSecond = second;
        }
        for (RoutingStep step : queue.steps()) {
            for (Tier tier : step.tiers()) {
                if ((openTiers & 1 << tier.ordinal()) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private Optional<Instant> nextOpening(QueueConfig queue, Instant now) {
        return queue.steps().stream().flatMap(step -> step.tiers().stream()).distinct()
                .map(tier -> context.config.hours().nextOpening(tier, now))
                .flatMap(Optional::stream).min(Instant::compareTo);
    }
}
