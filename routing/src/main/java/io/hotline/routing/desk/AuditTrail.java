package io.hotline.routing.desk;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.util.List;
import java.util.Objects;

/**
 * Replays a work order's audit trail into the state it describes, checking that it is whole: one work order,
 * consecutive sequence numbers from 1, opened first and only first, times never going back, each step starting
 * from where the previous one left (state and tier). Pure and thread-safe.
 */
public final class AuditTrail {

    /**
     * What a trail says a work order is now.
     *
     * @param workOrderId the work order
     * @param state       its state
     * @param tier        its tier
     * @param severity    its severity
     * @param ownerSeatId its owner, or {@code null}
     * @param contacts    human contacts counted
     * @param reopens     how often it was reopened
     * @param events      how many events the trail has
     */
    public record Replayed(long workOrderId, WorkOrderState state, Tier tier, Severity severity, String ownerSeatId,
                           int contacts, int reopens, int events) {
    }

    private AuditTrail() {
    }

    /**
     * Folds {@code trail} into the state it describes.
     *
     * @throws IllegalArgumentException when the trail is empty or broken, naming the first broken step
     */
    public static Replayed replay(List<AuditEvent> trail) {
        if (trail.isEmpty()) {
            throw new IllegalArgumentException("an empty trail describes no work order");
        }
        AuditEvent first = trail.get(0);
        if (first.action() != AuditAction.OPENED || first.sequence() != 1) {
            throw new IllegalArgumentException("work order " + first.workOrderId() + ": the trail must start with"
                    + " its opening (sequence 1), not " + first.action() + " #" + first.sequence());
        }
        WorkOrderState state = first.toState();
        Tier tier = first.toTier();
        int reopens = 0;
        for (int i = 1; i < trail.size(); i++) {
            AuditEvent previous = trail.get(i - 1);
            AuditEvent event = trail.get(i);
            String step = "work order " + first.workOrderId() + ", event #" + event.sequence() + " ("
                    + event.action() + "): ";
            if (event.workOrderId() != first.workOrderId() || event.sequence() != i + 1) {
                throw new IllegalArgumentException(step + "expected #" + (i + 1) + " of work order "
                        + first.workOrderId());
            }
            if (event.action() == AuditAction.OPENED || event.at().isBefore(previous.at())) {
                throw new IllegalArgumentException(step + "a second opening, or a step back in time");
            }
            if (event.fromState() != state || event.fromTier() != tier) {
                throw new IllegalArgumentException(step + "starts from " + event.fromState() + "/"
                        + event.fromTier() + " but the work order was " + state + "/" + tier);
            }
            if (!Objects.equals(event.fromTier(), event.toTier()) && event.action() != AuditAction.ESCALATED) {
                throw new IllegalArgumentException(step + "only an escalation changes the tier");
            }
            state = event.toState();
            tier = event.toTier();
            if (event.action() == AuditAction.REOPENED) {
                reopens++;
            }
        }
        AuditEvent last = trail.get(trail.size() - 1);
        return new Replayed(first.workOrderId(), state, tier, last.severity(), last.ownerSeatId(), last.contacts(),
                reopens, trail.size());
    }
}
