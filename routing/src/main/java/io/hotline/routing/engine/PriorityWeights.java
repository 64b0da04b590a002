package io.hotline.routing.engine;

import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.util.Objects;

/**
 * How many priority points each factor gives, and how much waiting one point is worth. A caller's place is
 * decided by {@code joined - points x perPoint}: an earlier effective arrival goes first. So a P1 caller (4
 * points at 60 s each) goes ahead of ordinary callers who have waited less than four minutes, and behind those
 * who have waited longer: age raises everyone's priority at the same rate, and nobody starves.
 *
 * @param p1       points for a P1 (system down, data lost)
 * @param p2       points for a P2 (key module broken)
 * @param vip      points for a VIP customer
 * @param premium  points for a premium contract
 * @param standard points for a standard contract
 * @param perPoint how much waiting one point is worth
 */
public record PriorityWeights(int p1, int p2, int vip, int premium, int standard, Duration perPoint) {

    /** P1 4, P2 1, VIP 2, premium 1, standard 0; a point is worth 60 s of waiting. */
    public static final PriorityWeights DEFAULT = new PriorityWeights(4, 1, 2, 1, 0, Duration.ofSeconds(60));

    public PriorityWeights {
        Objects.requireNonNull(perPoint, "perPoint");
        if (p1 < 0 || p2 < 0 || vip < 0 || premium < 0 || standard < 0) {
            throw new IllegalArgumentException("priority points must not be negative");
        }
        if (perPoint.isNegative()) {
            throw new IllegalArgumentException("perPoint must not be negative");
        }
    }

    /** The points of a caller. */
    public int points(CallPriority priority) {
        int points = priority.severity() == Severity.P1 ? p1 : priority.severity() == Severity.P2 ? p2 : 0;
        points += priority.vip() ? vip : 0;
        points += "PREMIUM".equals(priority.contract()) ? premium : "STANDARD".equals(priority.contract()) ? standard
                : 0;
        return points;
    }
}
