package io.hotline.routing.seat;

import io.hotline.routing.ladder.Tier;
import java.util.Map;
import java.util.Objects;

/**
 * What routing needs to know about a seat: its tier, its skills with proficiency 1-5, and how to ring it.
 *
 * @param seatId     the seat's code, e.g. {@code S1001}
 * @param tier       TIER1, TIER2 or EXPERT
 * @param skills     skill code to proficiency (1-5)
 * @param dialString what the dialplan dials to reach the seat, e.g. {@code PJSIP/1001}
 */
public record SeatProfile(String seatId, Tier tier, Map<String, Integer> skills, String dialString) {

    public SeatProfile {
        Objects.requireNonNull(seatId, "seatId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(dialString, "dialString");
        if (!tier.isSeatTier()) {
            throw new IllegalArgumentException("seat " + seatId + ": " + tier + " is not a seat tier");
        }
        skills = Map.copyOf(skills);
        skills.forEach((skill, level) -> {
            if (level < 1 || level > 5) {
                throw new IllegalArgumentException("seat " + seatId + ": proficiency of " + skill
                        + " must be 1-5, was " + level);
            }
        });
    }
}
