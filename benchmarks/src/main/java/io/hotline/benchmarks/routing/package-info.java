/**
 * Routing-engine benchmarks: decisions at call-centre scale (5,000 seats, 200 skills, 10,000 waiting calls)
 * against {@link io.hotline.benchmarks.routing.NaiveRouter}, a full-scan router with the same decision
 * semantics, and the retained heap per seat and per waiting call ({@link io.hotline.benchmarks.routing
 * .RoutingFootprint}). Everything here is single-threaded: each benchmark thread owns its own world, clock and
 * router, as the routing thread owns the engine in production. Commands and figures: {@code docs/benchmarks.md}.
 */
package io.hotline.benchmarks.routing;
