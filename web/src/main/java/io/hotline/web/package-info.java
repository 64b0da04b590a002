/**
 * Hotline's HTTP server: {@link io.hotline.web.HttpServer} listens on one address with Netty (NIO transport) and
 * serves the routes of an {@link io.hotline.web.http.HttpRoutes} table: today the machine endpoints
 * {@code /health} and {@code /metrics}; later the seat-agent API, the duty-manager console, the SMS-gateway
 * webhook and the wallboard.
 *
 * <p>Threading: one {@code http-boss} thread accepts connections and a few {@code http-worker-N} event-loop
 * threads serve them. Nothing here blocks an event loop; route handlers must not either (see
 * {@link io.hotline.web.http.RouteHandler}). {@code HttpServer} itself is thread-safe.
 */
package io.hotline.web;
