package io.hotline.routing.callback;

import java.time.Instant;
import java.util.Objects;

/**
 * A callback whose time has come, as the store hands it to the scheduler that routes it. Immutable.
 *
 * @param callbackId  the callback's id ({@code callback_request.id})
 * @param workOrderId the caller's work order, which the callback's conversation stays on
 * @param queue       the queue to route it in, or {@code null} for the default queue
 * @param number      the customer's number, as stored (normalised)
 * @param place       the caller's place in the queue: the original call's arrival (a callback chosen while
 *                    waiting or after hours), or the appointment (a callback a seat scheduled for a time)
 * @param attempt     the number of this attempt at the customer, 1 for the first
 */
public record DueCallback(long callbackId, long workOrderId, String queue, String number, Instant place,
                          int attempt) {
    public DueCallback {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(place, "place");
        if (attempt < 1) {
            throw new IllegalArgumentException("callback " + callbackId + ": attempt must be at least 1: " + attempt);
        }
    }
}
