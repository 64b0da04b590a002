/**
 * Periodic health checking: {@link io.hotline.ops.health.HealthMonitor} runs every registered
 * {@link io.hotline.routing.spi.HealthCheck} on its own daemon thread, bounds each by a time budget, and publishes
 * an immutable {@link io.hotline.routing.spi.HealthReport} that readers (such as {@code /health}) take without
 * waiting.
 *
 * <p>Threading: one {@code health-monitor} thread schedules the rounds; the checks themselves run on
 * {@code health-check-N} daemon threads, at most one per check, so that a hung check is abandoned after its
 * budget instead of stalling the others. The latest report is published through a {@code volatile} field.
 */
package io.hotline.ops.health;
