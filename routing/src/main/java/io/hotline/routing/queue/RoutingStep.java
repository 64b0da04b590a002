package io.hotline.routing.queue;

import io.hotline.routing.ladder.Tier;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One step of a queue's escalating relaxation: which tiers may take the call, how proficient they must be,
 * and for how long this step lasts before the next, wider one applies. The caller keeps their place
 * throughout (unlike an overflow to another queue).
 *
 * @param name           shown in explanations, e.g. {@code tier1-proficient}
 * @param tiers          the seat tiers that may take the call, in order of preference (first is preferred)
 * @param minProficiency the least proficiency in each required skill during this step, or 0 to keep each
 *                       requirement's own minimum
 * @param lasts          how long the step lasts; {@code null} for the last step, which lasts until answered
 */
public record RoutingStep(String name, List<Tier> tiers, int minProficiency, Duration lasts) {

    public RoutingStep {
        Objects.requireNonNull(name, "name");
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("step " + name + " names no tier");
        }
        for (Tier tier : tiers) {
            if (!tier.isSeatTier()) {
                throw new IllegalArgumentException("step " + name + ": " + tier + " is not a seat tier");
            }
        }
        if (tiers.stream().distinct().count() != tiers.size()) {
            throw new IllegalArgumentException("step " + name + " names a tier twice: " + tiers);
        }
        if (minProficiency < 0 || minProficiency > 5) {
            throw new IllegalArgumentException("step " + name + ": minProficiency must be 0 (keep) or 1-5, was "
                    + minProficiency);
        }
        if (lasts != null && (lasts.isNegative() || lasts.isZero())) {
            throw new IllegalArgumentException("step " + name + ": duration must be positive, was " + lasts);
        }
    }

    /** The least level a seat needs in a skill the call requires at {@code requirementLevel}. */
    public int effectiveMinimum(int requirementLevel) {
        return minProficiency == 0 ? requirementLevel : minProficiency;
    }
}
