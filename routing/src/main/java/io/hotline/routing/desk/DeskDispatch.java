package io.hotline.routing.desk;

import io.hotline.routing.field.BranchChoice;
import io.hotline.routing.field.DispatchLeg;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldDeadline;
import io.hotline.routing.field.FieldScore;
import io.hotline.routing.field.FollowUp;
import io.hotline.routing.field.Site;
import io.hotline.routing.field.StoredDispatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A held dispatch order, mutable, owned by the desk; {@link #stored()} is what every command carries and
 * {@link #restored} reads it back. Confined to the service-desk thread.
 */
final class DeskDispatch {
    final long workOrderId;
    final Site site;
    final String productLine;
    final String contactNumber;
    final Instant openedAt;
    final List<BranchChoice> ranking;
    final List<DispatchLeg> legs = new ArrayList<>();
    DispatchState state;
    String engineerCode;
    Instant assignDueAt;
    Instant assignedAt;
    Instant appointmentAt;
    Instant arrivedAt;
    Instant completedAt;
    String completionNote;
    FollowUp followUp;
    FieldScore score;
    Instant closedAt;
    int fired;
    int steps;
    /** The branch whose open load counts this order, or {@code null}. */
    String countedBranch;

    DeskDispatch(long workOrderId, Site site, String productLine, String contactNumber, Instant openedAt,
                 List<BranchChoice> ranking) {
        this.workOrderId = workOrderId;
        this.site = site;
        this.productLine = productLine;
        this.contactNumber = contactNumber;
        this.openedAt = openedAt;
        this.ranking = List.copyOf(ranking);
    }

    DispatchLeg currentLeg() {
        return legs.isEmpty() ? null : legs.get(legs.size() - 1);
    }

    String branchCode() {
        DispatchLeg leg = currentLeg();
        return leg == null ? null : leg.branchCode();
    }

    /** Replaces the current leg (acknowledged or expired). */
    void replaceCurrentLeg(DispatchLeg leg) {
        legs.set(legs.size() - 1, leg);
    }

    boolean hasFired(FieldDeadline deadline) {
        return (fired & deadline.bit()) != 0;
    }

    /** Neither closed nor cancelled. */
    boolean isOpen() {
        return state != DispatchState.CLOSED && state != DispatchState.CANCELLED;
    }

    /** Whether the order counts in its branch's open load: held from sent until completed. */
    boolean isLoad() {
        return state.compareTo(DispatchState.SENT) >= 0 && state.compareTo(DispatchState.COMPLETED) <= 0;
    }

    StoredDispatch stored() {
        return new StoredDispatch(workOrderId, site, productLine, contactNumber, state, openedAt, ranking, legs,
                engineerCode, assignDueAt, assignedAt, appointmentAt, arrivedAt, completedAt, completionNote,
                followUp, score, closedAt, fired, steps);
    }

    static DeskDispatch restored(StoredDispatch stored) {
        DeskDispatch dispatch = new DeskDispatch(stored.workOrderId(), stored.site(), stored.productLine(),
                stored.contactNumber(), stored.openedAt(), stored.ranking());
        dispatch.legs.addAll(stored.legs());
        dispatch.state = stored.state();
        dispatch.engineerCode = stored.engineerCode();
        dispatch.assignDueAt = stored.assignDueAt();
        dispatch.assignedAt = stored.assignedAt();
        dispatch.appointmentAt = stored.appointmentAt();
        dispatch.arrivedAt = stored.arrivedAt();
        dispatch.completedAt = stored.completedAt();
        dispatch.completionNote = stored.completionNote();
        dispatch.followUp = stored.followUp();
        dispatch.score = stored.score();
        dispatch.closedAt = stored.closedAt();
        dispatch.fired = stored.fired();
        dispatch.steps = stored.steps();
        return dispatch;
    }
}
