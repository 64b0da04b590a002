/**
 * {@code GET /health}: the latest health report as JSON, 200 when Hotline is ready and 503 when it is not, for
 * load balancers, orchestrators and people.
 *
 * <p>Threading: the handler runs on an event loop and only reads a cached report from its supplier (ops' health
 * monitor refreshes it on its own thread); it never runs a check itself.
 */
package io.hotline.web.health;
