package io.hotline.routing.engine;

/**
 * How the engine chooses among eligible ready seats. Always deterministic; ties end on the seat with fewer
 * calls today, then on the seat configured first.
 */
public enum SeatOrdering {
    /**
     * The default: the step's preferred tier first, then the highest proficiency in the call's primary skill,
     * then the longest idle.
     */
    BEST_PROFICIENCY,
    /** The step's preferred tier first, then the longest idle, whatever the proficiency above the minimum. */
    LONGEST_IDLE
}
