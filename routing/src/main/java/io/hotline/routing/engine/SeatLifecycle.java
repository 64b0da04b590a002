package io.hotline.routing.engine;

import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.seat.SeatProfile;
import io.hotline.routing.seat.SeatState;

/**
 * Seat events: configuration, log in and out, ready and not ready, device state, end of wrap-up and cool-down.
 * The engine decides what a seat may ask for: a seat's request returns its refusal, {@code null} when applied
 * (log in: always; log out, ready, not ready: refused while logged out).
 * Confined to the routing thread.
 */
final class SeatLifecycle {
    static final String LOG_IN_FIRST = "seat is logged out: log in first";
    static final String LOGGED_OUT_ALREADY = "seat is logged out already";

    private final EngineContext context;
    private final Matchmaker matchmaker;
    private final CallLifecycle calls;

    SeatLifecycle(EngineContext context, Matchmaker matchmaker, CallLifecycle calls) {
        this.context = context;
        this.matchmaker = matchmaker;
        this.calls = calls;
    }

    void configured(SeatProfile profile) {
        SeatRecord seat = context.seats.get(profile.seatId());
        if (seat == null) {
            seat = new SeatRecord(context.seatList.size(), profile.seatId());
            seat.configure(profile, context.skills);
            context.seats.put(seat.id, seat);
            context.seatList.add(seat);
            context.seatCounts[seat.tier.ordinal()][SeatState.LOGGED_OUT.ordinal()]++;
            return;
        }
        // The index orders by tier and levels: take the seat out while they change.
        boolean wasIndexed = seat.indexed;
        context.ready.remove(seat);
        context.seatCounts[seat.tier.ordinal()][seat.state.ordinal()]--;
        seat.configure(profile, context.skills);
        context.seatCounts[seat.tier.ordinal()][seat.state.ordinal()]++;
        if (wasIndexed) {
            context.reindex(seat);
            matchmaker.routeSeat(seat);
        }
    }

    /** Logs the seat in; accepted in every state (a seat logged in already stays as it is). */
    String loggedIn(SeatRecord seat) {
        if (seat.state != SeatState.LOGGED_OUT) {
            return null;
        }
        seat.missedInARow = 0;
        if (seat.call != null) {
            // Logged out mid-call and back while the conversation goes on: on call, wrap-up when it ends.
            context.setState(seat, SeatState.ON_CALL, null);
            return null;
        }
        becomeReady(seat, true);
        return null;
    }

    /** Logs the seat out; refused when it is logged out already (the agent believed otherwise). */
    String loggedOut(SeatRecord seat) {
        if (seat.state == SeatState.LOGGED_OUT) {
            return LOGGED_OUT_ALREADY;
        }
        withdrawOffer(seat, "seat logged out");
        seat.timerGeneration++;
        seat.pendingNotReady = null;
        context.ready.remove(seat);
        context.setState(seat, SeatState.LOGGED_OUT, null);
        matchmaker.ownerLoggedOut(seat);
        return null;
    }

    /** Makes the seat ready (on a call: cancels a not-ready asked for meanwhile); refused while logged out. */
    String ready(SeatRecord seat) {
        switch (seat.state) {
            case NOT_READY, WRAP_UP -> {
                seat.missedInARow = 0;
                seat.pendingNotReady = null;
                becomeReady(seat, true);
            }
            case ON_CALL -> seat.pendingNotReady = null;
            case LOGGED_OUT -> {
                return LOG_IN_FIRST;
            }
            default -> { }
        }
        return null;
    }

    /** Makes the seat not ready (on a call or in wrap-up: when that ends); refused while logged out. */
    String notReady(SeatRecord seat, String reason) {
        switch (seat.state) {
            case READY, RESERVED, NOT_READY -> {
                withdrawOffer(seat, "seat went not ready");
                context.ready.remove(seat);
                context.setState(seat, SeatState.NOT_READY, reason);
            }
            case ON_CALL, WRAP_UP -> seat.pendingNotReady = reason;
            case LOGGED_OUT -> {
                return LOG_IN_FIRST;
            }
            default -> { }
        }
        return null;
    }

    /** At start: a logged-out seat gets back its last state ({@link RoutingEvent.SeatRestored} says how). */
    void restored(SeatRecord seat, SeatState state, String reason) {
        if (seat.state != SeatState.LOGGED_OUT || state == SeatState.LOGGED_OUT) {
            return;
        }
        seat.missedInARow = 0;
        if (state == SeatState.NOT_READY) {
            context.setState(seat, SeatState.NOT_READY, reason == null ? "restored" : reason);
        } else {
            becomeReady(seat, true);
        }
    }

    void deviceChanged(SeatRecord seat, DeviceState device) {
        seat.device = device;
        if (seat.state == SeatState.RESERVED && device == DeviceState.UNAVAILABLE) {
            calls.declined(seat.call, seat, DeclineReason.UNREACHABLE);
            return;
        }
        boolean wasIndexed = seat.indexed;
        context.reindex(seat);
        if (!wasIndexed && seat.indexed) {
            matchmaker.routeSeat(seat);
        }
    }

    void wrapUpEnds(SeatRecord seat, long generation) {
        if (seat.state == SeatState.WRAP_UP && seat.timerGeneration == generation) {
            afterWork(seat);
        }
    }

    void cooldownEnds(SeatRecord seat, long generation) {
        if (seat.timerGeneration == generation && seat.state == SeatState.READY) {
            context.reindex(seat);
            matchmaker.routeSeat(seat);
        }
    }

    /** A seat finished a call or its wrap-up: ready, or the not-ready state it asked for meanwhile. */
    void afterWork(SeatRecord seat) {
        if (seat.pendingNotReady != null) {
            String reason = seat.pendingNotReady;
            seat.pendingNotReady = null;
            context.setState(seat, SeatState.NOT_READY, reason);
        } else {
            becomeReady(seat, true);
        }
    }

    /** Ready again; {@code freshIdle} restarts the idle clock (false keeps the seat's place among ready seats). */
    void becomeReady(SeatRecord seat, boolean freshIdle) {
        context.ready.remove(seat);
        if (freshIdle) {
            seat.readySinceMs = context.nowMs;
        }
        context.setState(seat, SeatState.READY, null);
        context.reindex(seat);
        if (seat.coolUntilMs > context.nowMs) {
            // Still cooling down, and its timer may be void (a log-out bumps the generation): ensure one ends it.
            context.timers.schedule(seat.coolUntilMs, Timers.Kind.COOLDOWN_ENDS, null, seat, seat.timerGeneration);
        }
        matchmaker.routeSeat(seat);
    }

    /**
     * Starts a cool-down for a ready seat that declined or missed an offer: it is offered nothing until it ends
     * (with no cool-down configured, it is offered the next fitting call at once).
     */
    void coolDown(SeatRecord seat) {
        long until = context.nowMs + context.config.declineCooldown().toMillis();
        seat.coolUntilMs = until;
        seat.timerGeneration++;
        if (until > context.nowMs) {
            context.ready.remove(seat);
            context.timers.schedule(until, Timers.Kind.COOLDOWN_ENDS, null, seat, seat.timerGeneration);
        } else {
            context.reindex(seat);
            matchmaker.routeSeat(seat);
        }
    }

    private void withdrawOffer(SeatRecord seat, String reason) {
        if (seat.state == SeatState.RESERVED && seat.call != null) {
            calls.withdraw(seat.call, reason);
        }
    }
}
