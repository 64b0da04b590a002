package io.hotline.routing.sla;

import java.time.Instant;

/**
 * When a work order must have been responded to and resolved.
 *
 * @param responseDueAt   the response deadline
 * @param resolutionDueAt the resolution deadline
 */
public record SlaDeadlines(Instant responseDueAt, Instant resolutionDueAt) {
}
