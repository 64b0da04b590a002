package io.hotline.web.desktop;

import io.hotline.web.http.ApiReplies;
import io.hotline.web.http.Access;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.RouteHandler;
import io.hotline.web.http.RouteRequest;
import io.hotline.web.push.Greeter;
import io.hotline.web.push.PushMessage;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seat agent's desktop endpoints of docs/api.md, in one table: every route is authenticated, answers 503
 * {@code starting} until the backend is ready, and is served by {@link SeatHandlers}, {@link WorkOrderHandlers} or
 * (the supervisors' side) {@link SupervisorHandlers}.
 * <p>
 * The work-order paths are templates ({@code /api/work-orders/{id}/escalate}); the handlers read and validate the
 * id from the request's path in one place ({@link #workOrderId}). Stateless; the handlers are thread-safe.
 */
public final class DesktopRoutes {

    /** The work-order path: its id, then an optional action. */
    private static final Pattern WORK_ORDER_PATH = Pattern.compile("/api/work-orders/([1-9][0-9]{0,17})(/[a-z-]+)?");

    private DesktopRoutes() {
    }

    /** Adds the desktop's routes to {@code routes}, answered through {@code backend}. */
    public static HttpRoutes.Builder register(HttpRoutes.Builder routes, DesktopBackend backend) {
        Objects.requireNonNull(backend, "backend");
        SeatHandlers seats = new SeatHandlers(backend);
        WorkOrderHandlers orders = new WorkOrderHandlers(backend);
        routes.get("/api/desktop", "desktop", Access.AUTHENTICATED, guarded(backend, seats::desktop));
        seat(routes, backend, seats, "login", SeatAction.LOGIN);
        seat(routes, backend, seats, "logout", SeatAction.LOGOUT);
        seat(routes, backend, seats, "ready", SeatAction.READY);
        seat(routes, backend, seats, "not-ready", SeatAction.NOT_READY);
        seat(routes, backend, seats, "wrap-up-done", SeatAction.WRAP_UP_DONE);
        routes.get("/api/knowledge", "knowledge_search", Access.AUTHENTICATED, guarded(backend, seats::knowledge));
        String workOrder = "/api/work-orders/{id}";
        routes.get(workOrder, "work_order", Access.AUTHENTICATED, guarded(backend, orders::show));
        routes.post(workOrder, "work_order_update", Access.AUTHENTICATED,
                guarded(backend, request -> orders.act(request, WorkOrderHandlers::update)));
        action(routes, backend, orders, "escalate", WorkOrderHandlers::escalate);
        action(routes, backend, orders, "transfer", WorkOrderHandlers::transfer);
        action(routes, backend, orders, "resolve", WorkOrderHandlers::resolve);
        action(routes, backend, orders, "waiting", WorkOrderHandlers::waiting);
        action(routes, backend, orders, "resume", WorkOrderHandlers::resume);
        action(routes, backend, orders, "callback", WorkOrderHandlers::callback);
        routes.post(workOrder + "/reassign", "work_order_reassign", Access.AUTHENTICATED, guarded(backend,
                request -> DesktopAccess.maySupervise(request.user().orElseThrow())
                        ? orders.act(request, WorkOrderHandlers::reassign)
                        : ApiReplies.now(SupervisorHandlers.forbidden())));
        SupervisorHandlers supervisors = new SupervisorHandlers(backend);
        routes.get("/api/supervisor/seats", "supervisor_seats", Access.AUTHENTICATED,
                guarded(backend, supervisors::seats));
        routes.get("/api/supervisor/work-orders", "supervisor_work_orders", Access.AUTHENTICATED,
                guarded(backend, supervisors::workOrders));
        routes.post("/api/seats/{seat}/state", "seat_state", Access.AUTHENTICATED,
                guarded(backend, supervisors::seatState));
        routes.post("/api/supervisor/monitor", "supervisor_monitor", Access.AUTHENTICATED,
                guarded(backend, supervisors::monitor));
        routes.get("/api/callbacks", "callbacks", Access.AUTHENTICATED, guarded(backend, supervisors::callbacks));
        return routes;
    }

    /**
     * The push channel's greeting of a desktop: one {@code hello} with the body of {@code GET /api/desktop}
     * (docs/api.md), once the backend is ready (none before: the page loads {@code GET /api/desktop} when it
     * answers). From memory, never blocking.
     */
    public static Greeter greeter(DesktopBackend backend) {
        Objects.requireNonNull(backend, "backend");
        return user -> backend.ready() && DesktopAccess.mayUseDesktop(user)
                ? List.of(new PushMessage("hello", SeatHandlers.desktopBody(backend, user))) : List.of();
    }

    /**
     * The work order's id in the request's path ({@code /api/work-orders/42} or {@code /api/work-orders/42/escalate}),
     * or empty when the path names none (not a positive decimal without leading zero that fits a long).
     */
    static OptionalLong workOrderId(RouteRequest request) {
        Matcher matcher = WORK_ORDER_PATH.matcher(request.path());
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    private static void seat(HttpRoutes.Builder routes, DesktopBackend backend, SeatHandlers seats, String path,
                             SeatAction action) {
        routes.post("/api/seat/" + path, "seat_" + path.replace('-', '_'), Access.AUTHENTICATED,
                guarded(backend, request -> seats.seat(request, action)));
    }

    private static void action(HttpRoutes.Builder routes, DesktopBackend backend, WorkOrderHandlers orders,
                               String path, WorkOrderHandlers.ActionReader reader) {
        routes.post("/api/work-orders/{id}/" + path, "work_order_" + path, Access.AUTHENTICATED,
                guarded(backend, request -> orders.act(request, reader)));
    }

    /** The handler, behind the 503 that answers while Hotline loads its work orders. */
    private static RouteHandler guarded(DesktopBackend backend, RouteHandler handler) {
        return request -> {
            if (!backend.ready()) {
                return ApiReplies.now(ApiReplies.starting("its work orders"));
            }
            return handler.handle(request);
        };
    }
}
