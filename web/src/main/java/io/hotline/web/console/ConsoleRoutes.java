package io.hotline.web.console;

import io.hotline.web.http.ApiReplies;
import io.hotline.web.http.Access;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.RouteHandler;
import java.util.Objects;

/**
 * The duty manager's console endpoints of docs/api.md, in one table: every route is authenticated, answers 503
 * {@code starting} until the backend is ready, and is served by {@link ConsoleHandlers}. State-changing requests of
 * supervisors and admins are audited by the route table ({@code AuditedRoutes}) as the desktop's are. Stateless;
 * the handlers are thread-safe.
 */
public final class ConsoleRoutes {

    private ConsoleRoutes() {
    }

    /** Adds the console's routes to {@code routes}, answered through {@code backend}. */
    public static HttpRoutes.Builder register(HttpRoutes.Builder routes, ConsoleBackend backend) {
        Objects.requireNonNull(backend, "backend");
        ConsoleHandlers handlers = new ConsoleHandlers(backend);
        routes.get("/api/console", "console", Access.AUTHENTICATED, guarded(backend, handlers::console));
        String dispatch = "/api/dispatch/{id}";
        routes.get(dispatch, "dispatch", Access.AUTHENTICATED, guarded(backend, handlers::show));
        routes.post(dispatch + "/acknowledge", "dispatch_acknowledge", Access.AUTHENTICATED,
                guarded(backend, request -> handlers.act(request, ConsoleHandlers::acknowledge)));
        routes.post(dispatch + "/assign", "dispatch_assign", Access.AUTHENTICATED,
                guarded(backend, request -> handlers.act(request, ConsoleHandlers::assign)));
        routes.post(dispatch + "/appointment", "dispatch_appointment", Access.AUTHENTICATED,
                guarded(backend, request -> handlers.act(request, ConsoleHandlers::appointment)));
        routes.post(dispatch + "/follow-up", "dispatch_follow_up", Access.AUTHENTICATED,
                guarded(backend, request -> handlers.act(request, ConsoleHandlers::followUp)));
        routes.post(dispatch + "/follow-up/call", "dispatch_follow_up_call", Access.AUTHENTICATED,
                guarded(backend, handlers::call));
        routes.post(dispatch + "/place", "dispatch_place", Access.AUTHENTICATED, guarded(backend, handlers::place));
        return routes;
    }

    /** The handler, behind the 503 that answers while Hotline loads its dispatch orders. */
    private static RouteHandler guarded(ConsoleBackend backend, RouteHandler handler) {
        return request -> backend.ready() ? handler.handle(request)
                : ApiReplies.now(ApiReplies.starting("its dispatch orders"));
    }
}
