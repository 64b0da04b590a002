package io.hotline.routing.ladder;

import java.util.Optional;

/**
 * A rung of the escalation ladder, in escalation order. The first three are staffed by seats on softphones;
 * {@link #REMOTE} is a remote session run by the expert team and {@link #ON_SITE} sends a field engineer.
 */
public enum Tier {
    /** Trained, certified assistant engineers; the first seat every caller reaches. */
    TIER1,
    /** Senior engineers. */
    TIER2,
    /** The expert team: joint diagnosis. */
    EXPERT,
    /** A remote session into the customer's system. */
    REMOTE,
    /** A field engineer from the nearest branch. */
    ON_SITE;

    private static final Tier[] LADDER = values();

    /** Whether seats (people answering calls) can belong to this tier. */
    public boolean isSeatTier() {
        return this == TIER1 || this == TIER2 || this == EXPERT;
    }

    /** The next rung up, or empty at the top of the ladder. */
    public Optional<Tier> next() {
        return ordinal() + 1 < LADDER.length ? Optional.of(LADDER[ordinal() + 1]) : Optional.empty();
    }
}
