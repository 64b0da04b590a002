/**
 * Hotline's metrics: {@link io.hotline.ops.metrics.HotlineMeters}, the one catalog of meter names and tag keys
 * (following Micrometer's {@code NettyMeters}), and {@link io.hotline.ops.metrics.PrometheusMetrics}, the
 * Prometheus-backed registry that {@code /metrics} scrapes.
 *
 * <p>Naming follows Micrometer: the {@code hotline.} prefix, lower-case dot notation, no units in names (the
 * registry adds them from the base unit), and only tags with a bounded set of values.
 *
 * <p>Threading: Micrometer registries and meters are thread-safe; so is everything here.
 */
package io.hotline.ops.metrics;
