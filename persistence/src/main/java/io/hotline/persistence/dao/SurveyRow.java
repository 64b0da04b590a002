package io.hotline.persistence.dao;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A {@code satisfaction_survey} row. Immutable.
 *
 * @param id              the database key
 * @param workOrderId     the work order surveyed
 * @param dispatchOrderId the dispatch order, for a supervisor's call-back after on-site work, or {@code null}
 * @param channel         how it is taken
 * @param dueAt           when the next attempt is due
 * @param attempts        attempts made so far
 * @param outcome         {@link SurveyOutcome#PENDING} until a result is recorded
 * @param score           1-5, or {@code null}
 * @param autoScore       a score derived by Hotline (e.g. from IVR answers), or {@code null}
 * @param commentText     the customer's words, or {@code null}
 * @param surveyedBy      the supervisor or {@code ivr}, or {@code null}
 * @param recordedAt      when the result was recorded, or {@code null}
 * @param reportedAt      when it went into a report, or {@code null}
 */
public record SurveyRow(
        long id, long workOrderId, Long dispatchOrderId, SurveyChannel channel, Instant dueAt, int attempts,
        SurveyOutcome outcome, Integer score, BigDecimal autoScore, String commentText, String surveyedBy,
        Instant recordedAt, Instant reportedAt) {
}
