package io.hotline.routing.desk;

import io.hotline.routing.field.StoredDispatch;
import java.util.List;

/**
 * What the desk restores from: the work orders it held, their dispatch orders, and the next id it would allocate.
 *
 * @param nextId     the id the next opened work order gets (above every id ever allocated)
 * @param workOrders every work order the desk still held (not yet released)
 * @param dispatches the dispatch orders of those work orders (the latest form each {@code DispatchChanged}
 *                   carried); a closed or cancelled one whose work order is no longer held is ignored
 */
public record StoredDesk(long nextId, List<StoredWorkOrder> workOrders, List<StoredDispatch> dispatches) {

    /** A desk that never held anything. */
    public static final StoredDesk EMPTY = new StoredDesk(1, List.of());

    public StoredDesk {
        workOrders = List.copyOf(workOrders);
        dispatches = List.copyOf(dispatches);
        if (nextId <= 0) {
            throw new IllegalArgumentException("nextId must be positive: " + nextId);
        }
    }

    /** A desk without dispatch orders. */
    public StoredDesk(long nextId, List<StoredWorkOrder> workOrders) {
        this(nextId, workOrders, List.of());
    }
}
