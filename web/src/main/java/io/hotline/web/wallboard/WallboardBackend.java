package io.hotline.web.wallboard;

/**
 * What the wallboard needs from the rest of Hotline: the floor as one immutable snapshot. Implemented in
 * {@code app} over the routing engine's snapshot, the seat board, the desk's open work orders, the field leg's
 * dispatch orders and today's figures read from the records (docs/figures.md).
 * <p>
 * Threading: called on event loops and on the pushes' thread; answers from memory at once and never blocks.
 * Implementations are thread-safe.
 */
public interface WallboardBackend {

    /** Whether routing and the desk run; until then {@code GET /api/wallboard} answers 503 and nothing is pushed. */
    boolean ready();

    /** The floor now. From memory. */
    WallboardSnapshot snapshot();
}
