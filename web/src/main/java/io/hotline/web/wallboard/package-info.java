/**
 * The supervisors' wallboard of docs/api.md ("Wallboard"): one snapshot of the floor (queues, seats by tier and
 * state, SLA clocks about to breach, today's dispatches on the map of the branches, today's share solved without a
 * visit) built by {@link io.hotline.web.wallboard.WallboardAssembly} from the read models {@code app} holds, served
 * as {@code GET /api/wallboard} by {@link io.hotline.web.wallboard.WallboardRoutes} over the port
 * {@link io.hotline.web.wallboard.WallboardBackend}, and pushed on the topic {@code wallboard} of {@code /ws} by
 * {@link io.hotline.web.wallboard.WallboardPushes} at most once a second, only when it changed. Who may watch is
 * decided in one place, {@link io.hotline.web.wallboard.WallboardAccess}; the read-only token of a wall screen is
 * accepted by {@link io.hotline.web.wallboard.WallboardAuthenticator} on the wallboard's routes only.
 *
 * <p>Threading: handlers run on an event loop and never block (the backend answers from memory); the pushes run on
 * the one thread {@code app} ticks them on. Every type is immutable or thread-safe.
 */
package io.hotline.web.wallboard;
