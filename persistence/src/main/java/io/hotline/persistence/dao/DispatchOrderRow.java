package io.hotline.persistence.dao;

import java.time.Instant;

/**
 * A {@code dispatch_order} row: on-site service for a work order, with a timestamp for every step and the due
 * time of each timed leg. Steps are written by {@link DispatchOrderDao}'s guarded updates. Immutable.
 *
 * @param id             the database key
 * @param workOrderId    the work order
 * @param branchId       the branch it went to
 * @param engineerId     the assigned engineer, or {@code null}
 * @param state          where it is
 * @param distanceKm     branch-to-site distance when it was chosen, or {@code null}
 * @param createdAt      when on-site service was decided
 * @param sendDueAt      when it must have reached the branch
 * @param sentAt         when it was sent to the branch
 * @param acknowledgedAt when the duty manager confirmed receipt
 * @param assignDueAt    when an engineer must be assigned (set when sent)
 * @param assignedAt     when an engineer was assigned
 * @param appointmentAt  the agreed visit time
 * @param arrivedAt      when the engineer reported arrival
 * @param completedAt    when the engineer reported completion
 * @param surveyDueAt    when the supervisor's satisfaction call is due (set on completion)
 * @param closedAt       when it was closed
 * @param cancelledAt    when it was cancelled
 * @param cancelReason   why it was cancelled
 * @param version        bumped by every step
 */
public record DispatchOrderRow(
        long id, long workOrderId, long branchId, Long engineerId, DispatchState state, Double distanceKm,
        Instant createdAt, Instant sendDueAt, Instant sentAt, Instant acknowledgedAt, Instant assignDueAt,
        Instant assignedAt, Instant appointmentAt, Instant arrivedAt, Instant completedAt, Instant surveyDueAt,
        Instant closedAt, Instant cancelledAt, String cancelReason, int version) {

    /** The next deadline a timer should watch in the current state, or {@code null} when none applies. */
    public Instant nextDueAt() {
        return switch (state) {
            case CREATED -> sendDueAt;
            case SENT, ACKNOWLEDGED -> assignDueAt;
            case COMPLETED -> surveyDueAt;
            default -> null;
        };
    }
}
