package io.hotline.web.desktop;

import io.hotline.routing.desk.AuditEvent;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.spi.CustomerHistory;
import java.util.List;
import java.util.Objects;

/**
 * An open work order as the desk last told it, with its trail so far and its customer's card when known.
 * Immutable.
 *
 * @param workOrder what the desk holds
 * @param trail     its audit events, in order (those heard since Hotline started; the opening may be missing for a
 *                  work order restored at start)
 * @param customer  its customer's card, or {@code null} when not known (yet)
 */
public record WorkOrderView(StoredWorkOrder workOrder, List<AuditEvent> trail, CustomerHistory.Customer customer) {

    public WorkOrderView {
        Objects.requireNonNull(workOrder, "workOrder");
        trail = List.copyOf(trail);
    }

    /** The work order's id. */
    public long id() {
        return workOrder.id();
    }

    /** The seat owning it, or {@code null}. */
    public String ownerSeatId() {
        return workOrder.ownerSeatId();
    }
}
