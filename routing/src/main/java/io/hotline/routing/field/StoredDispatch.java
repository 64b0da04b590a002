package io.hotline.routing.field;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A dispatch order as the desk holds it and the store keeps it: every command that opens or changes one carries
 * its whole stored form, and the desk is restored from these (with the deadlines already fired, which never fire
 * again). Numbered by its work order: {@code workOrderId} is the number the engineers text. Immutable.
 *
 * @param workOrderId    the work order it serves (and its number)
 * @param site           where to go
 * @param productLine    the work order's product line, or {@code null}
 * @param contactNumber  the customer's number (the follow-up calls it), or {@code null}
 * @param state          where it is in its life
 * @param openedAt       when the work order reached on-site
 * @param ranking        every branch that could take it when it was opened, nearest first (the choice and the
 *                       runners-up with their distances)
 * @param legs           each sending to a branch, in order; the last is the current one
 * @param engineerCode   the assigned engineer, or {@code null}
 * @param assignDueAt    when the assignment is due (4 h after acknowledgement), or {@code null}
 * @param assignedAt     when an engineer was (last) assigned, or {@code null}
 * @param appointmentAt  the time agreed with the customer, or {@code null}
 * @param arrivedAt      when the engineer texted ARRIVE, or {@code null}
 * @param completedAt    when the engineer texted DONE, or {@code null}
 * @param completionNote what the DONE text said was done, or {@code null}
 * @param followUp       the follow-up, from completion on, or {@code null}
 * @param score          the automatic score once closed, or {@code null}
 * @param closedAt       when it closed (or was cancelled), or {@code null}
 * @param fired          the deadlines that fired, as bits of {@link FieldDeadline#bit()}
 * @param steps          how many steps its trail has (the last one's sequence)
 */
public record StoredDispatch(long workOrderId, Site site, String productLine, String contactNumber,
                             DispatchState state, Instant openedAt, List<BranchChoice> ranking, List<DispatchLeg> legs,
                             String engineerCode, Instant assignDueAt, Instant assignedAt, Instant appointmentAt,
                             Instant arrivedAt, Instant completedAt, String completionNote, FollowUp followUp,
                             FieldScore score, Instant closedAt, int fired, int steps) {
    public StoredDispatch {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(openedAt, "openedAt");
        ranking = List.copyOf(ranking);
        legs = List.copyOf(legs);
        if (workOrderId <= 0) {
            throw new IllegalArgumentException("work order ids are positive: " + workOrderId);
        }
    }

    /** The current leg, or {@code null} while unplaced. */
    public DispatchLeg currentLeg() {
        return legs.isEmpty() ? null : legs.get(legs.size() - 1);
    }

    /** The branch that holds it now, or {@code null} while unplaced. */
    public String branchCode() {
        DispatchLeg leg = currentLeg();
        return leg == null ? null : leg.branchCode();
    }
}
