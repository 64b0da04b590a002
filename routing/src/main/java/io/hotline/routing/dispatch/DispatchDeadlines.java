package io.hotline.routing.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * The clocks of on-site service.
 *
 * @param sendToBranch   from the on-site decision to the order reaching the nearest branch (default 10 min)
 * @param assignEngineer from the branch receiving it to its duty manager assigning an engineer (default 4 h)
 * @param surveyDelay    from the engineer's completion SMS to the supervisor's satisfaction call (default 30 min)
 */
public record DispatchDeadlines(Duration sendToBranch, Duration assignEngineer, Duration surveyDelay) {

    /** The defaults from the service process. */
    public static final DispatchDeadlines DEFAULT =
            new DispatchDeadlines(Duration.ofMinutes(10), Duration.ofHours(4), Duration.ofMinutes(30));

    public DispatchDeadlines {
        requirePositive(sendToBranch, "sendToBranch");
        requirePositive(assignEngineer, "assignEngineer");
        requirePositive(surveyDelay, "surveyDelay");
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
