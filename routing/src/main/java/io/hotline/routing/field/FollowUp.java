package io.hotline.routing.field;

import java.time.Instant;
import java.util.Objects;

/**
 * The follow-up call after completion: due 30 minutes after it, retried when the customer cannot be reached.
 * Immutable.
 *
 * @param dueAt        when the next attempt is due
 * @param attempts     attempts recorded unreachable so far
 * @param satisfaction the customer's satisfaction, 1 to 5, or {@code null} (not yet, or never reached)
 * @param comment      the customer's comment, or {@code null}
 * @param recordedAt   when the outcome was final (answered, or the last attempt unreachable), or {@code null}
 * @param recordedBy   who recorded it (the login), or {@code null}
 */
public record FollowUp(Instant dueAt, int attempts, Integer satisfaction, String comment, Instant recordedAt,
                       String recordedBy) {
    public FollowUp {
        Objects.requireNonNull(dueAt, "dueAt");
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw new IllegalArgumentException("satisfaction is 1 to 5: " + satisfaction);
        }
    }
}
