/**
 * The branch duty manager's console of docs/api.md ("Duty manager's console"): the branch's dispatch orders with
 * their clocks ({@code GET /api/console}), one order with its trail and SMS history ({@code GET /api/dispatch/{id}})
 * and the field leg's actions ({@code POST /api/dispatch/{id}/...}), registered by
 * {@link io.hotline.web.console.ConsoleRoutes} over the port {@link io.hotline.web.console.ConsoleBackend} that
 * {@code app} implements; the pushes ({@code dispatch}, {@code follow_up_due}, {@code hq_alert}) are sent by
 * {@link io.hotline.web.console.ConsolePushes}. Who may do what is decided in one place,
 * {@link io.hotline.web.console.ConsoleAccess}; a dispatch order's JSON is written in one place,
 * {@link io.hotline.web.console.DispatchJson}. The process is docs/field-service.md's.
 *
 * <p>Threading: handlers run on an event loop and never block: they read the backend's in-memory views and chain
 * on its {@link java.util.concurrent.CompletableFuture}s for what the service desk decides and what the database
 * holds. Every type is immutable or stateless, so thread-safe.
 */
package io.hotline.web.console;
