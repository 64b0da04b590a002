/**
 * The seat agent's desktop API of docs/api.md: {@code GET /api/desktop}, the seat's state changes
 * ({@code /api/seat/...}), the work order's view and actions ({@code /api/work-orders/{id}...}), the knowledge
 * base's search and the supervisors' side ({@code /api/supervisor/...}, {@code /api/seats/{seat}/state},
 * {@code /api/callbacks}), registered by {@link io.hotline.web.desktop.DesktopRoutes} over the port
 * {@link io.hotline.web.desktop.DesktopBackend} that {@code app} implements. Who may do what is decided in one place,
 * {@link io.hotline.web.desktop.DesktopAccess}; a work order's JSON is written in one place,
 * {@link io.hotline.web.desktop.WorkOrderJson}.
 *
 * <p>Threading: handlers run on an event loop and never block: they read the backend's in-memory views and chain
 * on its {@link java.util.concurrent.CompletionStage}s for what the engines decide. Every type is immutable or
 * stateless, so thread-safe.
 */
package io.hotline.web.desktop;
