/**
 * Today's figures (docs/figures.md) at work: {@link io.hotline.app.figures.TodayFiguresService} reads
 * {@link io.hotline.persistence.figures.TodayFiguresQuery} every {@code HOTLINE_FIGURES_INTERVAL} and publishes the
 * immutable {@link io.hotline.persistence.figures.TodayFigures} for the {@code hotline_today_*} gauges
 * ({@link io.hotline.app.figures.TodayMeters}) and any other reader.
 * <p>
 * Threading: the database is read on the service's own {@code today-figures} thread; the figures are published
 * through a volatile field and read from any thread (a scrape, the wallboard) without waiting.
 */
package io.hotline.app.figures;
