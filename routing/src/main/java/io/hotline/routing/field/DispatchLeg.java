package io.hotline.routing.field;

import java.time.Instant;
import java.util.Objects;

/**
 * One sending of a dispatch order to a branch. A leg not acknowledged by {@code ackDueAt} expires and the order
 * goes to the next branch in the ranking. Immutable.
 *
 * @param number         1 for the first branch, 2 for the next, ...
 * @param branchCode     the branch
 * @param distanceKm     its distance from the site
 * @param sentAt         when it was sent
 * @param ackDueAt       when its acknowledgement is due
 * @param acknowledgedAt when the branch acknowledged, or {@code null}
 * @param expiredAt      when it expired unacknowledged, or {@code null}
 */
public record DispatchLeg(int number, String branchCode, double distanceKm, Instant sentAt, Instant ackDueAt,
                          Instant acknowledgedAt, Instant expiredAt) {
    public DispatchLeg {
        Objects.requireNonNull(branchCode, "branchCode");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(ackDueAt, "ackDueAt");
        if (number < 1) {
            throw new IllegalArgumentException("legs are numbered from 1: " + number);
        }
    }
}
