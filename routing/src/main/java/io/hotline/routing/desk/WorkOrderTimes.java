package io.hotline.routing.desk;

import java.time.Instant;
import java.util.Objects;

/**
 * The milestones of a work order.
 *
 * @param openedAt    when it was opened
 * @param callbackAt  for callback work (an abandoned or after-hours call), when the customer is to be called
 *                    back; {@code null} otherwise
 * @param respondedAt the first human contact, or {@code null}
 * @param resolvedAt  the latest resolution, or {@code null} while not resolved
 * @param closedAt    when it was closed, or {@code null}
 */
public record WorkOrderTimes(Instant openedAt, Instant callbackAt, Instant respondedAt, Instant resolvedAt,
                             Instant closedAt) {

    public WorkOrderTimes {
        Objects.requireNonNull(openedAt, "openedAt");
    }
}
