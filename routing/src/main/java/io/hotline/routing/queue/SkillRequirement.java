package io.hotline.routing.queue;

import java.util.Objects;

/**
 * A skill a call needs, and the least proficiency a seat must have in it (before relaxation).
 *
 * @param skill    the skill code, e.g. {@code ERP_U8} or {@code ERP_U8_GL}
 * @param minLevel 1-5
 */
public record SkillRequirement(String skill, int minLevel) {

    public SkillRequirement {
        Objects.requireNonNull(skill, "skill");
        if (minLevel < 1 || minLevel > 5) {
            throw new IllegalArgumentException("minimum level of " + skill + " must be 1-5, was " + minLevel);
        }
    }
}
