package io.hotline.benchmarks.routing;

/**
 * How big a generated call centre is.
 *
 * @param seats        seats staffed (60 % tier 1, 30 % tier 2, 10 % experts)
 * @param skills       skill codes: a tenth are product lines, the rest modules
 * @param waitingCalls callers kept waiting while every seat is busy
 * @param seed         the random seed: the same size gives the same world, event for event
 */
record WorldSize(int seats, int skills, int waitingCalls, long seed) {

    /** The size the issue asks for: 5,000 seats, 200 skills, 10,000 waiting calls. */
    static final WorldSize BENCHMARK = new WorldSize(5_000, 200, 10_000, 20_261_122L);

    WorldSize {
        if (seats < 10 || skills < 20 || waitingCalls < 1) {
            throw new IllegalArgumentException("world too small: " + seats + " seats, " + skills + " skills, "
                    + waitingCalls + " waiting calls");
        }
    }
}
