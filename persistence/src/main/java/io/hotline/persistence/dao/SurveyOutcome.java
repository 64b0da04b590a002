package io.hotline.persistence.dao;

/** What came of a satisfaction survey ({@code ck_survey_outcome}). */
public enum SurveyOutcome {
    /** Not taken yet. */
    PENDING,
    /** The customer answered; a score is recorded. */
    ANSWERED,
    /** The customer declined. */
    DECLINED,
    /** The customer could not be reached. */
    UNREACHABLE
}
