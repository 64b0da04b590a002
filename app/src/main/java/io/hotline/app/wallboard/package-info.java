/**
 * The wallboard's wiring (docs/figures.md, "The wallboard"): {@link io.hotline.app.wallboard.EngineWallboardBackend}
 * builds the snapshot from what the engines already publish (routing's snapshot, the seat board, the desk's open
 * work orders, the field leg's dispatch orders) and today's figures from the records, which
 * {@link io.hotline.app.wallboard.TodayFigures} reads every 30 s on its own thread;
 * {@link io.hotline.app.wallboard.Wallboard} starts and stops that thread and the push tick.
 *
 * <p>Threading: the snapshot is built from immutable values on any thread; the database is read only on the
 * {@code wallboard-figures} thread, the pushes sent only on the {@code wallboard-push} thread.
 */
package io.hotline.app.wallboard;
