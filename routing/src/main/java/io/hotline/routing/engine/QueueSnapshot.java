package io.hotline.routing.engine;

import java.time.Duration;

/**
 * One queue's live figures.
 *
 * @param waiting                    callers waiting now
 * @param longestWait                how long the longest-waiting caller has waited
 * @param answered                   calls that reached a seat
 * @param answeredWithinThreshold    of those, reached within the queue's service-level threshold
 * @param abandoned                  callers who left before reaching a seat
 * @param serviceLevel               answered within threshold / answered (1.0 when nothing was answered yet)
 * @param serviceLevelWithAbandons   answered within threshold / (answered + abandoned)
 * @param averageSpeedOfAnswer       mean wait of answered calls
 */
public record QueueSnapshot(int waiting, Duration longestWait, long answered, long answeredWithinThreshold,
                            long abandoned, double serviceLevel, double serviceLevelWithAbandons,
                            Duration averageSpeedOfAnswer) {
}
