package io.hotline.routing.field;

import io.hotline.routing.desk.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * What duty managers, engineers and supervisors do on the field leg; the desk applies it or refuses it with a
 * {@link io.hotline.routing.desk.DeskCommand.Refused}. (Opening a dispatch is not an event of its own: the desk's
 * escalation to {@code ON_SITE} opens it.) Immutable.
 */
public sealed interface FieldEvent {

    /** The dispatch order (its work order's id) acted on. */
    long workOrderId();

    /** The branch's duty manager acknowledged the order: the current leg stops, the assignment deadline runs. */
    record Acknowledged(long workOrderId, Actor actor) implements FieldEvent {
        public Acknowledged {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * An engineer of the holding branch is assigned (first time), or replaces the one assigned (with a reason).
     *
     * @param reason why it was reassigned; required when an engineer was already assigned
     */
    record EngineerAssigned(long workOrderId, Actor actor, String engineerCode, String reason) implements FieldEvent {
        public EngineerAssigned {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(engineerCode, "engineerCode");
        }
    }

    /** The time agreed with the customer (may be booked again before arrival). */
    record AppointmentBooked(long workOrderId, Actor actor, Instant appointmentAt) implements FieldEvent {
        public AppointmentBooked {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(appointmentAt, "appointmentAt");
        }
    }

    /**
     * An engineer's SMS check-in, already parsed and its gateway signature checked. The desk accepts it only from
     * the mobile of the engineer assigned to that order, and in order (ARRIVE before DONE).
     *
     * @param fromPhone the sender, normalised
     * @param kind      arrival or completion
     * @param note      the text after the number (what was done), or {@code null}
     * @param messageId the gateway's message id
     * @param sentAt    when the gateway says it was sent (the check-in's time)
     */
    record CheckedIn(long workOrderId, String fromPhone, CheckInKind kind, String note, String messageId,
                     Instant sentAt) implements FieldEvent {
        public CheckedIn {
            Objects.requireNonNull(fromPhone, "fromPhone");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(sentAt, "sentAt");
        }
    }

    /**
     * The supervisor's follow-up: the customer's satisfaction (1 to 5, a comment), or unreachable (retried until
     * {@link FieldConfig#followUpAttempts()}).
     */
    record FollowUpRecorded(long workOrderId, Actor actor, Integer satisfaction, String comment, boolean unreachable)
            implements FieldEvent {
        public FollowUpRecorded {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** Headquarters places an unplaced (or re-places a held) order on a branch by hand. */
    record PlacedByHand(long workOrderId, Actor actor, String branchCode, String reason) implements FieldEvent {
        public PlacedByHand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(branchCode, "branchCode");
        }
    }
}
