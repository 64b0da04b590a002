package io.hotline.persistence.dao;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What a survey attempt produced, for {@link SurveyDao#recordResult(long, SurveyResult)}. Immutable.
 *
 * @param outcome     anything but {@link SurveyOutcome#PENDING}
 * @param score       1-5 when answered, otherwise {@code null}
 * @param autoScore   a derived score, or {@code null}
 * @param commentText the customer's words, or {@code null}
 * @param surveyedBy  who took it
 * @param recordedAt  when
 */
public record SurveyResult(SurveyOutcome outcome, Integer score, BigDecimal autoScore, String commentText,
                           String surveyedBy, Instant recordedAt) {

    public SurveyResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(surveyedBy, "surveyedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (outcome == SurveyOutcome.PENDING) {
            throw new IllegalArgumentException("a result cannot be PENDING");
        }
        if (score != null && (score < 1 || score > 5)) {
            throw new IllegalArgumentException("score must be 1 to 5: " + score);
        }
    }
}
