package io.hotline.routing.desk;

import java.util.List;

/**
 * What the desk restores from: the work orders it held and the next id it would allocate.
 *
 * @param nextId     the id the next opened work order gets (above every id ever allocated)
 * @param workOrders every work order the desk still held (not yet released)
 */
public record StoredDesk(long nextId, List<StoredWorkOrder> workOrders) {

    /** A desk that never held anything. */
    public static final StoredDesk EMPTY = new StoredDesk(1, List.of());

    public StoredDesk {
        workOrders = List.copyOf(workOrders);
        if (nextId <= 0) {
            throw new IllegalArgumentException("nextId must be positive: " + nextId);
        }
    }
}
