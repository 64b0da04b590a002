package io.hotline.routing.engine;

import io.hotline.routing.callback.CallbackOutcome;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the engine asks the world to do: ring a seat, stop ringing, tell the caller their place, offer a
 * callback, move a live call, record what happened. Imperative, immutable; telephony, persistence and web carry
 * them out through routing's ports.
 */
public sealed interface RoutingCommand {

    /**
     * Ring {@code seatId} for {@code callId}; the engine withdraws the offer itself after {@code ringTimeout}.
     *
     * @param why why this seat: the step, the eligible seats, the reason for the choice
     */
    record OfferCall(String callId, String seatId, String dialString, Tier tier, Long workOrderId,
                     Duration ringTimeout, Explanation why) implements RoutingCommand {
        public OfferCall {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(seatId, "seatId");
        }

        public OfferCall(String callId, String seatId, String dialString, Tier tier, Long workOrderId,
                         Duration ringTimeout, String explanation) {
            this(callId, seatId, dialString, tier, workOrderId, ringTimeout,
                    explanation == null ? null : Explanation.of(explanation));
        }

        /** {@link #why()} as text, or {@code null}. */
        public String explanation() {
            return why == null ? null : why.text();
        }
    }

    /**
     * Carry out a callback offered to {@code seatId}: ring the seat's phone ({@code dialString}) first; once the seat
     * answers, dial the customer's {@code number} from the seat's leg, on work order {@code workOrderId}. The engine
     * withdraws the offer itself after {@code ringTimeout} ({@link CancelOffer}), and counts it as a missed offer.
     * Telephony reports the customer leg's end as {@link RoutingEvent.CallbackDialled}, and the seat's answer as
     * {@link RoutingEvent.OfferAnswered} like any offer.
     *
     * @param offer the offer's number for this callback attempt (1, 2... as seats miss it): telephony names the
     *              seat's leg by it, so a late leg of an earlier offer is never taken for the current one
     * @param why   why this seat
     */
    record DialCallback(String callId, long callbackId, long workOrderId, String seatId, String dialString,
                        String number, int attempt, long offer, Duration ringTimeout, Explanation why)
            implements RoutingCommand {
        public DialCallback {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(seatId, "seatId");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(ringTimeout, "ringTimeout");
        }
    }

    /**
     * One attempt at a callback's customer ended with {@code outcome} (the callback left the engine): record it on
     * the callback (attempts, state, completion) and, when connected, as a customer contact on the work order.
     *
     * @param seatId the seat that made the attempt, or {@code null}
     * @param talked how long seat and customer talked ({@link Duration#ZERO} unless connected)
     */
    record CallbackAttempted(String callId, long callbackId, long workOrderId, String seatId, int attempt,
                             CallbackOutcome outcome, Duration talked) implements RoutingCommand {
        public CallbackAttempted {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(talked, "talked");
        }
    }

    /** Stop ringing {@code seatId} for {@code callId} (timeout, caller gone, seat logged out). */
    record CancelOffer(String callId, String seatId, String reason) implements RoutingCommand {
    }

    /**
     * The engine's verdict on a seat's answer that someone waits for ({@link RoutingEvent.OfferAnswered#requestId()}):
     * connect the seat's leg to the caller, or turn it away. Emitted after the {@link CallConnected} or
     * {@link RequestRejected} of the same answer.
     *
     * @param requestId the answer's request id, as the event carried it
     * @param accepted  whether the call is now connected to the seat
     * @param reason    why the answer was refused, {@code null} when accepted
     */
    record AnswerVerdict(String requestId, String callId, String seatId, boolean accepted, String reason)
            implements RoutingCommand {
        public AnswerVerdict {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(seatId, "seatId");
        }
    }

    /** Tell the waiting caller their position and estimated wait. */
    record AnnounceWait(String callId, int position, Duration estimatedWait) implements RoutingCommand {
    }

    /** Offer the caller who has waited {@code waited} a callback instead of waiting on (press 1). */
    record OfferCallback(String callId, Duration waited) implements RoutingCommand {
    }

    /** The queue's tiers are closed: play the after-hours message and offer a callback or voicemail. */
    record PlayAfterHours(String callId, Instant nextOpening) implements RoutingCommand {
    }

    /**
     * Move the live call into {@code queue} (escalation): telephony redirects the caller's channel, unless
     * {@code pbxMoved} says the PBX already moved it there (the seat's blind transfer); the journal records the
     * escalation on the work order.
     *
     * @param seatId the seat that escalated, or {@code null}
     * @param toTier the first tier {@code queue} routes to, or {@code null}
     */
    record MoveToQueue(String callId, String queue, Tier fromTier, String reason, boolean pbxMoved, String seatId,
            Tier toTier) implements RoutingCommand {

        /** A move telephony must carry out ({@code pbxMoved} false), without seat or target tier. */
        public MoveToQueue(String callId, String queue, Tier fromTier, String reason) {
            this(callId, queue, fromTier, reason, false, null, null);
        }

        /** A move without seat or target tier. */
        public MoveToQueue(String callId, String queue, Tier fromTier, String reason, boolean pbxMoved) {
            this(callId, queue, fromTier, reason, pbxMoved, null, null);
        }

        /** A move telephony must carry out ({@code pbxMoved} false), naming the seat and the target tier. */
        public MoveToQueue(String callId, String queue, Tier fromTier, String reason, String seatId, Tier toTier) {
            this(callId, queue, fromTier, reason, false, seatId, toTier);
        }
    }

    /** A seat changed state (for the agent's desktop, the wallboard and the audit trail). */
    record SeatStateChanged(String seatId, SeatState state, String reason) implements RoutingCommand {
    }

    /** The call reached a seat after {@code waited} in queue. */
    record CallConnected(String callId, String seatId, Duration waited) implements RoutingCommand {
    }

    /** The call left the queue without reaching a seat after {@code waited}. */
    record CallAbandoned(String callId, String queue, Duration waited) implements RoutingCommand {
    }

    /**
     * A caller entered Hotline: the call's record starts (joined now, in {@code queue}), and the service desk
     * opens the call's work order with its priority.
     *
     * @param productSkill the product line routing uses for the call (its primary skill), or {@code null}
     * @param priority     the call's severity and contract level, as the caller arrived with them
     */
    record CallJoined(String callId, String queue, RoutingEvent.CallOrigin origin, String productSkill,
                      Long workOrderId, CallPriority priority) implements RoutingCommand {
        public CallJoined {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(priority, "priority");
        }

        /** A call of {@link CallPriority#NORMAL} priority (tests, sources that know no priority). */
        public CallJoined(String callId, String queue, RoutingEvent.CallOrigin origin, String productSkill,
                          Long workOrderId) {
            this(callId, queue, origin, productSkill, workOrderId, CallPriority.NORMAL);
        }
    }

    /** The conversation of {@code callId} with {@code seatId} ended after {@code talked}; the seat wraps up. */
    record ConversationEnded(String callId, String seatId, Duration talked) implements RoutingCommand {
        public ConversationEnded {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(talked, "talked");
        }
    }

    /**
     * The caller left {@code queue} after {@code waited}, handed to something else that serves them: not an
     * abandon, and not counted as one.
     */
    record CallHandedOff(String callId, String queue, Handoff handoff, Duration waited) implements RoutingCommand {
        public CallHandedOff {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(handoff, "handoff");
            Objects.requireNonNull(waited, "waited");
        }
    }

    /** Store why the engine did what it did with the call (shown on the work order and in reports). */
    record RecordDecision(String callId, Explanation why) implements RoutingCommand {
        public RecordDecision {
            Objects.requireNonNull(why, "why");
        }

        public RecordDecision(String callId, String explanation) {
            this(callId, Explanation.of(explanation));
        }

        /** {@link #why()} as text. */
        public String explanation() {
            return why.text();
        }
    }

    /**
     * An input the engine could not apply (unknown seat, an answer from a seat that was not offered...).
     *
     * @param subject the seat or call it concerned
     * @param reason  why it was refused
     * @param request what was asked ({@code login}, {@code logout}, {@code ready}, {@code notready} for a seat's
     *                requests), or {@code null}
     */
    record RequestRejected(String subject, String reason, String request) implements RoutingCommand {
        public RequestRejected(String subject, String reason) {
            this(subject, reason, null);
        }
    }

    /**
     * The engine's answer to a seat's request that someone waits for (a feature code dialled on the seat's phone):
     * whether it was applied, and why not.
     *
     * @param requestId the request's id, as the event carried it
     * @param seatId    the seat
     * @param accepted  whether the engine applied it
     * @param reason    why it was refused, {@code null} when accepted
     */
    record SeatRequestAnswered(String requestId, String seatId, boolean accepted, String reason)
            implements RoutingCommand {
        public SeatRequestAnswered {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(seatId, "seatId");
        }
    }
}
