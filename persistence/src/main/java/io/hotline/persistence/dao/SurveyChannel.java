package io.hotline.persistence.dao;

/** How a satisfaction survey is taken ({@code ck_survey_channel}). */
public enum SurveyChannel {
    /** The post-call IVR. */
    IVR,
    /** A supervisor calls the customer after on-site work. */
    SUPERVISOR_CALL,
    /** A web form. */
    WEB
}
