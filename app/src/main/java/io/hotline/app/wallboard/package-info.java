/**
 * The wallboard's wiring (docs/figures.md, "The wallboard"): {@link io.hotline.app.wallboard.EngineWallboardBackend}
 * builds the snapshot from what the engines already publish (routing's snapshot, the seat board, the desk's open
 * work orders, the field leg's dispatch orders) and today's figures from the records, which
 * {@link io.hotline.app.wallboard.WallboardToday} takes from the metrics' reader
 * ({@link io.hotline.app.figures.TodayFiguresService}, every {@code HOTLINE_FIGURES_INTERVAL});
 * {@link io.hotline.app.wallboard.Wallboard} starts and stops the push tick.
 *
 * <p>Threading: the snapshot is built from immutable values on any thread; the database is read only on the
 * {@code today-figures} thread, the pushes sent only on the {@code wallboard-push} thread.
 */
package io.hotline.app.wallboard;
