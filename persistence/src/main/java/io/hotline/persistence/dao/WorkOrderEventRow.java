package io.hotline.persistence.dao;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@code work_order_event} row: one entry of a work order's append-only audit trail (who did what, when and
 * why). A state change sets {@code fromState}/{@code toState}, an escalation {@code fromTier}/{@code toTier};
 * both may be {@code null}. Immutable.
 *
 * @param id          the database key; ignored on append
 * @param workOrderId the work order
 * @param occurredAt  when it happened
 * @param actorKind   what kind of actor did it
 * @param actor       who: a seat code, an engineer code, {@code hotline} for the system
 * @param action      what, upper snake case, e.g. {@code CREATED}, {@code ESCALATED} (at most 32 characters)
 * @param fromState   the state before, or {@code null}
 * @param toState     the state after, or {@code null}
 * @param fromTier    the tier before, or {@code null}
 * @param toTier      the tier after, or {@code null}
 * @param reason      why, free text up to 1000 characters, or {@code null}
 */
public record WorkOrderEventRow(
        long id, long workOrderId, Instant occurredAt, ActorKind actorKind, String actor, String action,
        WorkOrderState fromState, WorkOrderState toState, Tier fromTier, Tier toTier, String reason) {

    public WorkOrderEventRow {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actorKind, "actorKind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
    }
}
