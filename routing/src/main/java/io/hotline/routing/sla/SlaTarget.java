package io.hotline.routing.sla;

import java.time.Duration;
import java.util.Objects;

/**
 * The published promise for one severity: respond within {@code respond}, resolve within {@code resolve}.
 *
 * @param respond time from opening to the first response by a person
 * @param resolve time from opening to resolution; never shorter than {@code respond}
 */
public record SlaTarget(Duration respond, Duration resolve) {

    public SlaTarget {
        Objects.requireNonNull(respond, "respond");
        Objects.requireNonNull(resolve, "resolve");
        if (respond.isNegative() || respond.isZero()) {
            throw new IllegalArgumentException("respond must be positive: " + respond);
        }
        if (resolve.compareTo(respond) < 0) {
            throw new IllegalArgumentException("resolve (" + resolve + ") must not be shorter than respond ("
                    + respond + ")");
        }
    }
}
