package io.hotline.web.wallboard;

import io.hotline.web.http.ApiReplies;
import io.hotline.web.http.Access;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.RouteHandler;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Objects;

/**
 * The wallboard's endpoint of docs/api.md: {@code GET /api/wallboard}, the snapshot as JSON ({@link WallboardJson}),
 * authenticated, for supervisors, admins and the wallboard's token ({@link WallboardAccess}); 403 for anyone else,
 * 503 {@code starting} until the backend is ready. The page itself ({@code GET /wallboard}) is a static file.
 * Stateless; answers from memory on the event loop.
 */
public final class WallboardRoutes {

    /** The snapshot's path. */
    public static final String PATH = "/api/wallboard";

    private WallboardRoutes() {
    }

    /** Adds {@code GET /api/wallboard} to {@code routes}, answered through {@code backend}. */
    public static HttpRoutes.Builder register(HttpRoutes.Builder routes, WallboardBackend backend) {
        Objects.requireNonNull(backend, "backend");
        routes.get(PATH, "wallboard", Access.AUTHENTICATED, RouteHandler.of(request -> snapshot(backend, request)));
        return routes;
    }

    private static HttpReply snapshot(WallboardBackend backend, RouteRequest request) {
        if (!WallboardAccess.mayWatch(request.user().orElseThrow())) {
            return ApiReplies.forbidden("The wallboard is for supervisors, admins and the wallboard's token.");
        }
        if (!backend.ready()) {
            return ApiReplies.starting("its seats and work orders");
        }
        return HttpReply.bytes(HttpResponseStatus.OK, HttpReply.JSON, WallboardJson.write(backend.snapshot()))
                .withHeader("Cache-Control", "no-store");
    }
}
