package io.hotline.persistence.dao;

/**
 * Where a callback request is ({@code ck_callback_state}): {@code PENDING -> DIALLING -> CONNECTED}, back to
 * {@code PENDING} for a retry, or {@code NO_ANSWER} / {@code FAILED} / {@code CANCELLED}.
 */
public enum CallbackState {
    /** Waiting for its due time. */
    PENDING,
    /** Claimed by the dialler; a call is being placed. */
    DIALLING,
    /** The customer was reached. */
    CONNECTED,
    /** Given up: no attempt reached the customer (they did not answer). */
    NO_ANSWER,
    /** Given up: the customer could not be dialled. */
    FAILED,
    /** No longer wanted (e.g. the customer called again and was served). */
    CANCELLED
}
