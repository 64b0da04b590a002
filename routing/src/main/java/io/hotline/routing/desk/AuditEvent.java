package io.hotline.routing.desk;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of a work order's audit trail: who did what, when and why, and where it went. Appended in order,
 * never edited; {@link AuditTrail#replay} folds a trail back into the work order's state.
 *
 * @param workOrderId the work order
 * @param sequence    its place in the work order's trail, 1 for the opening, then consecutive
 * @param at          when (the desk's clock)
 * @param actor       who
 * @param action      what
 * @param why         the reason, resolution text or note given, or {@code null}
 * @param fromState   the state before ({@code null} for the opening)
 * @param toState     the state after
 * @param fromTier    the tier before ({@code null} for the opening)
 * @param toTier      the tier after
 * @param severity    the severity after
 * @param ownerSeatId the owner after, or {@code null}
 * @param contacts    human contacts with the customer counted so far
 */
public record AuditEvent(long workOrderId, int sequence, Instant at, Actor actor, AuditAction action, String why,
                         WorkOrderState fromState, WorkOrderState toState, Tier fromTier, Tier toTier,
                         Severity severity, String ownerSeatId, int contacts) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(toState, "toState");
        Objects.requireNonNull(toTier, "toTier");
        Objects.requireNonNull(severity, "severity");
    }
}
