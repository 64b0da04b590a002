package io.hotline.web.desktop;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.seat.SeatState;
import java.time.Instant;
import java.util.Objects;

/**
 * A seat as its agent's desktop and the supervisors' board show it. Immutable.
 *
 * @param seat        the seat's code
 * @param name        the seat's name (its agent), or {@code null} when not known
 * @param tier        its tier, or {@code null} when not known
 * @param state       its state as routing last told it
 * @param reason      the not-ready reason, or {@code null}
 * @param since       when it entered {@code state}
 * @param deviceState its softphone's state
 * @param call        the call offered to it or connected to it, or {@code null}
 */
public record SeatCard(String seat, String name, Tier tier, SeatState state, String reason, Instant since,
                       DeviceState deviceState, SeatCall call) {

    public SeatCard {
        Objects.requireNonNull(seat, "seat");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(deviceState, "deviceState");
    }

    /** A logged-out seat nobody has heard of since {@code since}. */
    public static SeatCard loggedOut(String seat, String name, Tier tier, Instant since) {
        return new SeatCard(seat, name, tier, SeatState.LOGGED_OUT, null, since, DeviceState.UNKNOWN, null);
    }

    /** This seat in {@code newState} since {@code at}. */
    public SeatCard withState(SeatState newState, String newReason, Instant at) {
        return new SeatCard(seat, name, tier, newState, newReason, at, deviceState, call);
    }

    /** This seat with {@code newCall} (or none). */
    public SeatCard withCall(SeatCall newCall) {
        return new SeatCard(seat, name, tier, state, reason, since, deviceState, newCall);
    }

    /** This seat with its softphone in {@code device}. */
    public SeatCard withDevice(DeviceState device) {
        return new SeatCard(seat, name, tier, state, reason, since, device, call);
    }

    /**
     * The call a seat is offered or talking on. Immutable.
     *
     * @param callId      the call's linkedid
     * @param workOrderId its work order, or {@code null}
     * @param since       when it was offered, then when it was answered
     * @param connected   whether the seat answered it
     */
    public record SeatCall(String callId, Long workOrderId, Instant since, boolean connected) {
        public SeatCall {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(since, "since");
        }
    }
}
