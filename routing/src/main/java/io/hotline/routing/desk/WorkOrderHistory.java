package io.hotline.routing.desk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A work order's whole story, as the store keeps it, for the service figures.
 *
 * @param workOrderId   the work order
 * @param customerId    the customer, or {@code null} when never recognised
 * @param productLine   the product line, or {@code null}
 * @param openedAt      when it was opened
 * @param trail         its audit trail, in order
 */
public record WorkOrderHistory(long workOrderId, Long customerId, String productLine, Instant openedAt,
                               List<AuditEvent> trail) {

    public WorkOrderHistory {
        Objects.requireNonNull(openedAt, "openedAt");
        trail = List.copyOf(trail);
    }
}
