package io.hotline.routing.queue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A queue: its relaxation steps and its service targets. Validated at construction, so a bad routing file fails
 * at load with the queue and step named.
 *
 * @param name                  the queue's name, as the dialplan and the IVR choose it
 * @param steps                 relaxation steps in order; every step but the last has a duration
 * @param serviceLevelThreshold answered within this time counts as within service level (20 s by default)
 */
public record QueueConfig(String name, List<RoutingStep> steps, Duration serviceLevelThreshold) {

    public QueueConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(serviceLevelThreshold, "serviceLevelThreshold");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("queue " + name + " has no step");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            RoutingStep step = steps.get(i);
            if (!names.add(step.name())) {
                throw new IllegalArgumentException("queue " + name + ": step " + step.name() + " appears twice");
            }
            boolean last = i == steps.size() - 1;
            if (!last && step.lasts() == null) {
                throw new IllegalArgumentException("queue " + name + ": step " + step.name()
                        + " needs a duration (only the last step lasts until answered)");
            }
            if (last && step.lasts() != null) {
                throw new IllegalArgumentException("queue " + name + ": the last step (" + step.name()
                        + ") must last until answered, so it takes no duration");
            }
        }
        if (serviceLevelThreshold.isNegative() || serviceLevelThreshold.isZero()) {
            throw new IllegalArgumentException("queue " + name + ": service level threshold must be positive");
        }
    }

    /** The step in force {@code waitedMillis} after the call joined, and the millis at which it ends. */
    public int stepAt(long waitedMillis) {
        long elapsed = 0;
        for (int i = 0; i < steps.size() - 1; i++) {
            elapsed += steps.get(i).lasts().toMillis();
            if (waitedMillis < elapsed) {
                return i;
            }
        }
        return steps.size() - 1;
    }

    /** Milliseconds after joining at which step {@code index} ends, or {@code Long.MAX_VALUE} for the last. */
    public long stepEndsAfterMillis(int index) {
        if (index >= steps.size() - 1) {
            return Long.MAX_VALUE;
        }
        long elapsed = 0;
        for (int i = 0; i <= index; i++) {
            elapsed += steps.get(i).lasts().toMillis();
        }
        return elapsed;
    }
}
