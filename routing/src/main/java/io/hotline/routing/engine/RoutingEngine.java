package io.hotline.routing.engine;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.loop.Engine;
import io.hotline.routing.queue.QueueConfig;
import io.hotline.routing.seat.SeatState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The routing engine: owns every seat, waiting call and timer, and turns events into commands.
 * <p>
 * Semantics, in brief (README "Routing" has the whole story): callers are served in order of effective arrival
 * ({@code joined - priority points x point value}, so higher priority first, then longest waiting, and age keeps
 * raising everyone's priority); each queue widens eligibility step by step while the caller keeps their place;
 * among eligible ready seats the step's preferred tier wins, then the {@link SeatOrdering}; a caller with an open
 * work order waits for its owner seat first; offers ring for a limited time and are re-offered elsewhere; a seat
 * that misses too many offers in a row goes not ready. Every decision emits an explanation.
 * <p>
 * Before each event, every timer due by the clock fires; {@link RoutingEvent.Tick} only fires timers.
 * <p>
 * Not thread-safe: confined to the routing thread, which drains a {@link RoutingInbox} ({@code app}'s generic
 * engine loop runs it as an {@link Engine}). Never throws for bad input: unknown seats and impossible requests
 * become {@link RoutingCommand.RequestRejected}.
 */
public final class RoutingEngine implements Engine<RoutingEvent, RoutingCommand, RoutingSnapshot> {
    private static final RoutingEvent TICK = new RoutingEvent.Tick();

    private final EngineContext context;
    private final InstantSource clock;
    private final Matchmaker matchmaker;
    private final CallLifecycle calls;
    private final SeatLifecycle seats;
    private final CallbackLifecycle callbacks;
    private long eventsApplied;

    public RoutingEngine(RoutingConfig config, InstantSource clock) {
        this.context = new EngineContext(Objects.requireNonNull(config, "config"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.matchmaker = new Matchmaker(context);
        this.calls = new CallLifecycle(context, matchmaker);
        this.seats = new SeatLifecycle(context, matchmaker, calls);
        calls.seats(seats);
        this.callbacks = new CallbackLifecycle(context, matchmaker, calls);
        calls.callbacks(callbacks);
        context.nowMs = clock.millis();
    }

    /** Applies one event; the commands it causes go to {@code sink}, in order, before this returns. */
    @Override
    public void apply(RoutingEvent event, Consumer<? super RoutingCommand> sink) {
        Objects.requireNonNull(event, "event");
        context.emitTo(Objects.requireNonNull(sink, "sink"));
        context.nowMs = Math.max(context.nowMs, clock.millis());
        fireDueTimers();
        dispatch(event);
        eventsApplied++;
    }

    // One line per event type, delegating to the feature handlers (CONTRIBUTING.md 2).
    private void dispatch(RoutingEvent event) {
        if (event instanceof RoutingEvent.Tick) {
            return;
        } else if (event instanceof RoutingEvent.SeatConfigured configured) {
            seats.configured(configured.profile());
        } else if (event instanceof RoutingEvent.SeatLoggedIn loggedIn) {
            seatRequest(loggedIn.seatId(), loggedIn.requestId(), "login", seats::loggedIn);
        } else if (event instanceof RoutingEvent.SeatLoggedOut loggedOut) {
            seatRequest(loggedOut.seatId(), loggedOut.requestId(), "logout", seats::loggedOut);
        } else if (event instanceof RoutingEvent.SeatReady ready) {
            seatRequest(ready.seatId(), ready.requestId(), "ready", seats::ready);
        } else if (event instanceof RoutingEvent.SeatNotReady notReady) {
            seatRequest(notReady.seatId(), notReady.requestId(), "notready",
                    seat -> seats.notReady(seat, notReady.reason()));
        } else if (event instanceof RoutingEvent.SeatRestored restored) {
            withSeat(restored.seatId(), seat -> seats.restored(seat, restored.state(), restored.reason()));
        } else if (event instanceof RoutingEvent.DeviceStateChanged device) {
            withSeat(device.seatId(), seat -> seats.deviceChanged(seat, device.state()));
        } else if (event instanceof RoutingEvent.CallArrived arrived) {
            calls.arrived(arrived);
        } else if (event instanceof RoutingEvent.CallHungUp hungUp) {
            withCall(hungUp.callId(), false, calls::hungUp);
        } else if (event instanceof RoutingEvent.CallEnded ended) {
            withCall(ended.callId(), false, calls::ended);
        } else if (event instanceof RoutingEvent.OfferAnswered answered) {
            answered(answered);
        } else if (event instanceof RoutingEvent.OfferDeclined declined) {
            withSeat(declined.seatId(), seat -> withCall(declined.callId(), true,
                    call -> calls.declined(call, seat, declined.reason())));
        } else if (event instanceof RoutingEvent.CallHandedOff handedOff) {
            withCall(handedOff.callId(), false, call -> calls.handedOff(call, handedOff.handoff()));
        } else if (event instanceof RoutingEvent.CallbackDue due) {
            callbacks.due(due);
        } else if (event instanceof RoutingEvent.CallbackDialled dialled) {
            withCall(dialled.callId(), true, call -> callbacks.dialled(call, dialled));
        } else if (event instanceof RoutingEvent.EscalationRequested escalation) {
            withSeat(escalation.seatId(), seat -> withCall(escalation.callId(), true,
                    call -> calls.escalate(call, seat, escalation)));
        }
    }

    /**
     * A seat's own request: applied or refused by its handler (which returns the refusal, {@code null} when it
     * applied it). A refusal is a {@link RoutingCommand.RequestRejected}; whoever waits is answered.
     */
    private void seatRequest(String seatId, String requestId, String request, Function<SeatRecord, String> handler) {
        SeatRecord seat = context.seats.get(seatId);
        String refusal = seat == null ? "unknown seat" : handler.apply(seat);
        if (refusal != null) {
            context.emit(new RoutingCommand.RequestRejected(seatId, refusal, request));
        }
        if (requestId != null) {
            context.emit(new RoutingCommand.SeatRequestAnswered(requestId, seatId, refusal == null, refusal));
        }
    }

    /** Connects or refuses a seat's answer; whoever waits for the verdict is told which. */
    private void answered(RoutingEvent.OfferAnswered answered) {
        SeatRecord seat = context.seats.get(answered.seatId());
        CallRecord call = context.calls.get(answered.callId());
        String refusal;
        if (seat == null) {
            refusal = "unknown seat";
            context.emit(new RoutingCommand.RequestRejected(answered.seatId(), refusal));
        } else if (call == null) {
            refusal = "unknown call";
            context.emit(new RoutingCommand.RequestRejected(answered.callId(), refusal));
        } else {
            refusal = calls.answered(call, seat);
        }
        if (answered.requestId() != null) {
            context.emit(new RoutingCommand.AnswerVerdict(answered.requestId(), answered.callId(), answered.seatId(),
                    refusal == null, refusal));
        }
    }

    private void withSeat(String seatId, Consumer<SeatRecord> action) {
        SeatRecord seat = context.seats.get(seatId);
        if (seat == null) {
            context.emit(new RoutingCommand.RequestRejected(seatId, "unknown seat"));
        } else {
            action.accept(seat);
        }
    }

    /** Unknown calls are rejected where a seat acts on them; hang-ups of calls already gone are normal. */
    private void withCall(String callId, boolean rejectUnknown, Consumer<CallRecord> action) {
        CallRecord call = context.calls.get(callId);
        if (call != null) {
            action.accept(call);
        } else if (rejectUnknown) {
            context.emit(new RoutingCommand.RequestRejected(callId, "unknown call"));
        }
    }

    private void fireDueTimers() {
        Timers timers = context.timers;
        while (timers.pollDue(context.nowMs)) {
            switch (timers.firedKind()) {
                case CALL_WIDENS -> calls.widens(timers.firedCall(), timers.firedGeneration());
                case OFFER_TIMEOUT -> calls.offerTimedOut(timers.firedCall(), timers.firedGeneration());
                case COOLDOWN_ENDS -> seats.cooldownEnds(timers.firedSeat(), timers.firedGeneration());
                case WRAP_UP_ENDS -> seats.wrapUpEnds(timers.firedSeat(), timers.firedGeneration());
                case OFFER_CALLBACK -> calls.offerCallback(timers.firedCall());
                case ANNOUNCE -> calls.announce(timers.firedCall(), timers.firedGeneration());
                default -> throw new IllegalStateException("unhandled timer " + timers.firedKind());
            }
        }
    }

    /** When the next timer is due: the routing thread should deliver a {@link RoutingEvent.Tick} by then. */
    @Override
    public Instant nextTimer() {
        return Instant.ofEpochMilli(context.timers.nextDueMs());
    }

    /** A {@link RoutingEvent.Tick}: it fires the timers due and changes nothing else. */
    @Override
    public RoutingEvent tick() {
        return TICK;
    }

    /** The live figures, as an immutable snapshot (build it at the end of a batch). */
    @Override
    public RoutingSnapshot snapshot() {
        Map<String, QueueSnapshot> queues = new HashMap<>();
        for (QueueConfig queue : context.config.queues().values()) {
            CallRecord oldest = context.waiting.oldestIn(queue.name());
            long longest = oldest == null ? 0 : context.nowMs - oldest.queuedMs;
            queues.put(queue.name(), context.statsOf(queue.name()).snapshot(context.waiting.waitingIn(queue.name()),
                    longest));
        }
        Map<Tier, Map<SeatState, Integer>> seatCounts = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            if (tier.isSeatTier()) {
                Map<SeatState, Integer> byState = new EnumMap<>(SeatState.class);
                for (SeatState state : SeatState.values()) {
                    byState.put(state, context.seatCounts[tier.ordinal()][state.ordinal()]);
                }
                seatCounts.put(tier, Map.copyOf(byState));
            }
        }
        return new RoutingSnapshot(Instant.ofEpochMilli(context.nowMs), eventsApplied, queues, seatCounts);
    }

    /** A call's state now, or empty when the engine does not know it (never arrived, or gone). */
    public Optional<CallStatus> call(String callId) {
        return Optional.ofNullable(context.calls.get(callId)).map(this::status);
    }

    /** Every call the engine knows. */
    public List<CallStatus> calls() {
        List<CallStatus> all = new ArrayList<>(context.calls.size());
        context.calls.values().forEach(call -> all.add(status(call)));
        return all;
    }

    /** A seat's state now. */
    public Optional<SeatStatus> seat(String seatId) {
        return Optional.ofNullable(context.seats.get(seatId)).map(RoutingEngine::status);
    }

    /** Every configured seat. */
    public List<SeatStatus> seats() {
        List<SeatStatus> all = new ArrayList<>(context.seatList.size());
        context.seatList.forEach(seat -> all.add(status(seat)));
        return all;
    }

    /** The estimated wait of a waiting call, as its announcements tell it; empty when it is not waiting. */
    public Optional<Duration> estimatedWait(String callId) {
        CallRecord call = context.calls.get(callId);
        if (call == null || call.phase != CallPhase.WAITING) {
            return Optional.empty();
        }
        return Optional.of(calls.estimatedWait(call, context.waiting.positionOf(call)));
    }

    /** How many events were applied. */
    @Override
    public long eventsApplied() {
        return eventsApplied;
    }

    private CallStatus status(CallRecord call) {
        String step = call.phase == CallPhase.WAITING ? call.step(context.nowMs).name() : null;
        return new CallStatus(call.id, call.phase, call.queue.name(), step, call.seat == null ? null : call.seat.id);
    }

    private static SeatStatus status(SeatRecord seat) {
        return new SeatStatus(seat.id, seat.tier, seat.state, seat.device, seat.call == null ? null : seat.call.id,
                seat.reason);
    }
}
