package io.hotline.routing.workorder;

import java.util.Optional;

/**
 * What a call's own progress does to its work order's state: the rules the durable journal applies when it writes
 * a connection or an abandon, so that persistence only writes the state it is given. A work order further along
 * (waiting on the customer, dispatched, resolved, closed, cancelled) is never pulled back by its call. Stateless.
 */
public final class CallTransitions {

    private CallTransitions() {
    }

    /**
     * The state a work order in {@code current} moves to when its call reaches a seat: {@link WorkOrderState#NEW}
     * and {@link WorkOrderState#IN_PROGRESS} become {@link WorkOrderState#IN_PROGRESS} (the seat takes it over and
     * the response clock stops); empty, for any other state, when the connection leaves it as it is.
     */
    public static Optional<WorkOrderState> connected(WorkOrderState current) {
        return current == WorkOrderState.NEW || current == WorkOrderState.IN_PROGRESS
                ? Optional.of(WorkOrderState.IN_PROGRESS) : Optional.empty();
    }

    /**
     * The state a work order in {@code current} moves to when its caller leaves the queue before reaching a seat:
     * {@link WorkOrderState#NEW} becomes {@link WorkOrderState#CANCELLED} (no work was done); empty, for any other
     * state (a seat worked on it before, for instance before an escalation), when the abandon leaves it as it is.
     */
    public static Optional<WorkOrderState> abandoned(WorkOrderState current) {
        return current == WorkOrderState.NEW ? Optional.of(WorkOrderState.CANCELLED) : Optional.empty();
    }
}
