package io.hotline.persistence.dao;

import java.time.Instant;

/**
 * A {@code callback_request} row: a call Hotline owes a caller, on the caller's work order. Immutable.
 *
 * @param id          the database key
 * @param workOrderId the work order, whose SLA clock keeps running
 * @param phoneNumber the number to call, normalised
 * @param requestedAt when the caller asked
 * @param dueAt       when the next dial attempt is due
 * @param attempts    dial attempts so far
 * @param state       where it is
 * @param completedAt when it connected, failed or was cancelled, or {@code null}
 */
public record CallbackRow(long id, long workOrderId, String phoneNumber, Instant requestedAt, Instant dueAt,
                          int attempts, CallbackState state, Instant completedAt) {
}
