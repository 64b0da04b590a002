package io.hotline.routing.engine;

import io.hotline.routing.callback.CallbackOutcome;
import io.hotline.routing.queue.SkillRequirement;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.seat.SeatProfile;
import io.hotline.routing.seat.SeatState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the routing engine reacts to. Past-tense facts from telephony (calls, devices), from seats'
 * phones and desktops (log in, ready, escalate) and from the clock ({@link Tick}). Immutable.
 */
public sealed interface RoutingEvent {

    /** A seat's definition arrived or changed (at start, from the database; later, from administration). */
    record SeatConfigured(SeatProfile profile) implements RoutingEvent {
        public SeatConfigured {
            Objects.requireNonNull(profile, "profile");
        }
    }

    /**
     * A seat agent logged in: they become ready. Accepted in every state (logged in already: nothing changes).
     *
     * @param requestId who waits for the engine's answer ({@link RoutingCommand.SeatRequestAnswered}), or
     *                  {@code null} when nobody does
     */
    record SeatLoggedIn(String seatId, String requestId) implements RoutingEvent {
        public SeatLoggedIn {
            Objects.requireNonNull(seatId, "seatId");
        }

        public SeatLoggedIn(String seatId) {
            this(seatId, null);
        }
    }

    /**
     * A seat agent logged out. An offer ringing on their phone is withdrawn and the caller keeps their place.
     * Refused when the seat is logged out already.
     *
     * @param requestId who waits for the engine's answer, or {@code null}
     */
    record SeatLoggedOut(String seatId, String requestId) implements RoutingEvent {
        public SeatLoggedOut {
            Objects.requireNonNull(seatId, "seatId");
        }

        public SeatLoggedOut(String seatId) {
            this(seatId, null);
        }
    }

    /**
     * A seat agent is ready for a call (also ends wrap-up early). Refused while logged out.
     *
     * @param requestId who waits for the engine's answer, or {@code null}
     */
    record SeatReady(String seatId, String requestId) implements RoutingEvent {
        public SeatReady {
            Objects.requireNonNull(seatId, "seatId");
        }

        public SeatReady(String seatId) {
            this(seatId, null);
        }
    }

    /**
     * A seat agent is away with a reason code; during a call or wrap-up it applies when that ends. Refused while
     * logged out.
     *
     * @param requestId who waits for the engine's answer, or {@code null}
     */
    record SeatNotReady(String seatId, String reason, String requestId) implements RoutingEvent {
        public SeatNotReady {
            Objects.requireNonNull(seatId, "seatId");
            Objects.requireNonNull(reason, "reason");
        }

        public SeatNotReady(String seatId, String reason) {
            this(seatId, reason, null);
        }
    }

    /** The PBX reported the seat's softphone in a new state. */
    record DeviceStateChanged(String seatId, DeviceState state) implements RoutingEvent {
        public DeviceStateChanged {
            Objects.requireNonNull(seatId, "seatId");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * A caller is waiting for a seat.
     *
     * @param callId       the call's id (its Asterisk linkedid)
     * @param queue        the queue chosen by the dialled number or the IVR
     * @param requirements skills needed, the primary one (product line or module chosen in the IVR) first
     * @param priority     what raises the caller's priority
     * @param ownerSeatId  the seat owning the caller's open work order, or {@code null}
     * @param workOrderId  the call's work order, or {@code null}
     */
    record CallArrived(String callId, String queue, List<SkillRequirement> requirements, CallPriority priority,
                       String ownerSeatId, Long workOrderId, CallOrigin origin) implements RoutingEvent {
        public CallArrived {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(priority, "priority");
            requirements = List.copyOf(requirements);
            origin = origin == null ? CallOrigin.UNKNOWN : origin;
        }

        /** A call whose channel, numbers and customer are not known (tests, other sources than the route script). */
        public CallArrived(String callId, String queue, List<SkillRequirement> requirements, CallPriority priority,
                           String ownerSeatId, Long workOrderId) {
            this(callId, queue, requirements, priority, ownerSeatId, workOrderId, CallOrigin.UNKNOWN);
        }
    }

    /**
     * Where a call came from, as the route script knows it at arrival; kept on the call's record.
     *
     * @param channelId     the caller's channel (its Asterisk uniqueid), or {@code null} when it is the call id
     * @param callerNumber  the caller's number as presented, or {@code null}
     * @param dialledNumber the number dialled (DNIS), or {@code null}
     * @param customerId    the recognised customer, or {@code null}
     */
    record CallOrigin(String channelId, String callerNumber, String dialledNumber, Long customerId) {
        /** Nothing known. */
        public static final CallOrigin UNKNOWN = new CallOrigin(null, null, null, null);
    }

    /**
     * The caller left Hotline's queue handed to something else that serves them ({@code handoff}): a callback,
     * the dialplan's fallback queue. Not an abandon.
     */
    record CallHandedOff(String callId, Handoff handoff) implements RoutingEvent {
        public CallHandedOff {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(handoff, "handoff");
        }
    }

    /** The caller hung up or left (in queue, while a seat's phone rang, or during the conversation). */
    record CallHungUp(String callId) implements RoutingEvent {
        public CallHungUp {
            Objects.requireNonNull(callId, "callId");
        }
    }

    /**
     * The seat answered the offered call: caller and seat are connected, unless the engine refuses the answer (the
     * offer was withdrawn, the call is gone).
     *
     * @param requestId who waits for the engine's verdict ({@link RoutingCommand.AnswerVerdict}) before the seat's
     *                  leg is bridged, or {@code null} when nobody does
     */
    record OfferAnswered(String callId, String seatId, String requestId) implements RoutingEvent {
        public OfferAnswered {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(seatId, "seatId");
        }

        public OfferAnswered(String callId, String seatId) {
            this(callId, seatId, null);
        }
    }

    /** The offer did not reach the seat or the seat turned it down; the caller keeps their place. */
    record OfferDeclined(String callId, String seatId, DeclineReason reason) implements RoutingEvent {
        public OfferDeclined {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(seatId, "seatId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The conversation ended (either side hung up); the seat goes to wrap-up. */
    record CallEnded(String callId) implements RoutingEvent {
        public CallEnded {
            Objects.requireNonNull(callId, "callId");
        }
    }

    /**
     * The seat on a live call escalates it up the ladder: the caller re-enters {@code targetQueue} with the same
     * work order, ahead of fresh calls of the same priority. {@code pbxMoved}: the PBX already moved the caller
     * (the seat's blind transfer to {@code hotline-escalate}), so nobody must redirect it again.
     */
    record EscalationRequested(String callId, String seatId, String targetQueue, String reason, boolean pbxMoved)
            implements RoutingEvent {
        public EscalationRequested {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(seatId, "seatId");
            Objects.requireNonNull(targetQueue, "targetQueue");
            Objects.requireNonNull(reason, "reason");
        }

        /** An escalation asked from the desktop: Hotline itself must move the caller ({@code pbxMoved} false). */
        public EscalationRequested(String callId, String seatId, String targetQueue, String reason) {
            this(callId, seatId, targetQueue, reason, false);
        }
    }

    /**
     * At start, a logged-out seat gets back the state it had when Hotline stopped (or died): {@code READY} and
     * {@code NOT_READY} (with its reason) come back as they were; a seat that was busy with a call Hotline no longer
     * knows ({@code RESERVED}, {@code ON_CALL}, {@code WRAP_UP}) comes back {@code READY}, and its phone's device
     * state (IN_USE while the conversation goes on) keeps it from being offered a call until the phone is free.
     * {@code LOGGED_OUT}, or a seat that is already logged in, changes nothing.
     */
    record SeatRestored(String seatId, SeatState state, String reason) implements RoutingEvent {
        public SeatRestored {
            Objects.requireNonNull(seatId, "seatId");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * A callback is due: route it to a seat like a call. It keeps the caller's place: it is ordered by
     * {@code originalArrival} (ahead of every caller who came later, never ahead of its own time: a place in the
     * future counts as now), before fresh callers of the same rank. The seat it is offered to is rung first
     * ({@link RoutingCommand.DialCallback}); once the seat answers, the customer is dialled.
     *
     * @param callbackId      the callback's id
     * @param workOrderId     the caller's work order, which the conversation stays on
     * @param queue           the queue to route it in ({@code null} or unknown: the default queue)
     * @param number          the customer's number
     * @param originalArrival the caller's place: the original call's arrival, or a seat's appointment
     * @param attempt         the number of this attempt at the customer, 1 for the first
     */
    record CallbackDue(long callbackId, long workOrderId, String queue, String number, Instant originalArrival,
                       int attempt) implements RoutingEvent {
        public CallbackDue {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(originalArrival, "originalArrival");
        }

        /** The id the engine and the PBX know this attempt by: {@code cb-<callbackId>-<attempt>}. */
        public String callId() {
            return callIdOf(callbackId, attempt);
        }

        /** The call id of attempt {@code attempt} of callback {@code callbackId}. */
        public static String callIdOf(long callbackId, int attempt) {
            return "cb-" + callbackId + "-" + attempt;
        }
    }

    /**
     * The dialplan reports how the seat's dial of a callback's customer ended ({@code callbackresult}, after the
     * {@code Dial} to the customer or when the seat's leg hung up), or telephony could not place the callback at all
     * ({@link CallbackOutcome#FAILED}). {@code outcome} {@code null}: the seat left before the customer was dialled
     * (the callback goes back in queue, keeping its place, and no attempt is used).
     *
     * @param seatId the seat whose leg reports, or {@code null}: a report from a seat the callback is no longer
     *               offered to or connected with (a late leg of an earlier offer) is refused
     * @param talked how long seat and customer talked, {@link Duration#ZERO} when unknown or not connected
     */
    record CallbackDialled(String callId, String seatId, CallbackOutcome outcome, Duration talked)
            implements RoutingEvent {
        public CallbackDialled {
            Objects.requireNonNull(callId, "callId");
            talked = talked == null ? Duration.ZERO : talked;
        }
    }

    /** Time passed: timers due by the engine's clock fire (relaxation steps, ring timeouts, wrap-up...). */
    record Tick() implements RoutingEvent {
    }
}
