/**
 * {@code GET /metrics}: the Prometheus scrape endpoint. The registry itself lives in ops; web sees it only
 * through the {@link io.hotline.web.metrics.MetricsEndpoint} port, so that web needs no metrics library.
 *
 * <p>Threading: the handler runs on an event loop and calls {@code scrape()}, which renders from memory.
 */
package io.hotline.web.metrics;
