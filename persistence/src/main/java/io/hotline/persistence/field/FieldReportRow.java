package io.hotline.persistence.field;

import java.time.Instant;

/**
 * One closed service event in headquarters' feed ({@code field_report}). Immutable.
 *
 * @param workOrderId       the dispatch order (its work order's id)
 * @param branchCode        the branch that served it, or {@code null}
 * @param engineerCode      the engineer who went, or {@code null}
 * @param productLine       the work order's product line, or {@code null}
 * @param region            the customer's region, or {@code null}
 * @param legs              how many branches it was sent to
 * @param distanceKm        the serving branch's distance from the site, or {@code null}
 * @param openedAt          when it was opened
 * @param acknowledgedAt    when the serving branch acknowledged it, or {@code null}
 * @param assignedAt        when the engineer was assigned, or {@code null}
 * @param appointmentAt     the appointment, or {@code null}
 * @param arrivedAt         when the engineer arrived, or {@code null}
 * @param completedAt       when the engineer was done, or {@code null}
 * @param closedAt          when it closed, or {@code null}
 * @param satisfaction      the customer's satisfaction 1 to 5, or {@code null} (never reached)
 * @param followUpAttempts  follow-up attempts recorded unreachable, or {@code null}
 * @param scoreTotal        the score, 0 to 100
 * @param scoreSatisfaction the satisfaction part, or {@code null}
 * @param scorePunctuality  the punctuality part
 * @param scoreDeadlines    the deadlines part
 * @param reportedAt        when it was reported
 */
public record FieldReportRow(long workOrderId, String branchCode, String engineerCode, String productLine,
                             String region, int legs, Double distanceKm, Instant openedAt, Instant acknowledgedAt,
                             Instant assignedAt, Instant appointmentAt, Instant arrivedAt, Instant completedAt,
                             Instant closedAt, Integer satisfaction, Integer followUpAttempts, int scoreTotal,
                             Integer scoreSatisfaction, int scorePunctuality, int scoreDeadlines,
                             Instant reportedAt) {
}
