package io.hotline.persistence.figures;

import java.time.Instant;

/**
 * A work order first resolved in the period, as a caller of {@link ServiceFiguresQuery#bucketed} sees it to choose
 * its bucket. Immutable.
 *
 * @param workOrderId the work order
 * @param productLine its product line, or {@code null}
 * @param openedAt    when it was opened
 * @param resolvedAt  its first resolution, where the figures count it
 */
public record ResolvedWorkOrder(long workOrderId, String productLine, Instant openedAt, Instant resolvedAt) {
}
