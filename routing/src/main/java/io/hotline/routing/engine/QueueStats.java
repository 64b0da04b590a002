package io.hotline.routing.engine;

import java.time.Duration;

/** One queue's running figures since start. Mutable, confined to the routing thread. */
final class QueueStats {
    private static final double HANDLE_TIME_WEIGHT = 0.1;

    long answered;
    long answeredWithin;
    long abandoned;
    long answerWaitMsTotal;
    /** Exponential moving average of handling time, for estimated waits. */
    double handleTimeMs;

    QueueStats(Duration assumedHandleTime) {
        handleTimeMs = assumedHandleTime.toMillis();
    }

    void answered(long waitMs, long thresholdMs) {
        answered++;
        answerWaitMsTotal += waitMs;
        if (waitMs <= thresholdMs) {
            answeredWithin++;
        }
    }

    void handled(long talkMs) {
        handleTimeMs += HANDLE_TIME_WEIGHT * (talkMs - handleTimeMs);
    }

    QueueSnapshot snapshot(int waiting, long longestWaitMs) {
        double serviceLevel = answered == 0 ? 1.0 : (double) answeredWithin / answered;
        double withAbandons = answered + abandoned == 0 ? 1.0 : (double) answeredWithin / (answered + abandoned);
        Duration asa = Duration.ofMillis(answered == 0 ? 0 : answerWaitMsTotal / answered);
        return new QueueSnapshot(waiting, Duration.ofMillis(longestWaitMs), answered, answeredWithin, abandoned,
                serviceLevel, withAbandons, asa);
    }
}
