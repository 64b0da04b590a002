/**
 * {@code GET /health} (and {@code /health/ready}): the latest health report as JSON, 200 when Hotline is ready
 * ({@code UP}, or {@code DEGRADED} while a non-critical component such as AMI is down) and 503 when it is not, for
 * load balancers, orchestrators and people; {@code GET /health/live}: 200 while the process answers.
 *
 * <p>Threading: the handler runs on an event loop and only reads a cached report from its supplier (ops' health
 * monitor refreshes it on its own thread); it never runs a check itself.
 */
package io.hotline.web.health;
