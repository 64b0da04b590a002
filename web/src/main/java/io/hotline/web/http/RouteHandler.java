package io.hotline.web.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Answers the requests of one route. Called on the connection's event-loop thread, so it must not block: answer
 * from memory with a completed stage ({@link #of(Function)}), or hand blocking work (the database) to its own
 * executor and complete the stage from there. A thrown exception or an exceptionally completed stage becomes a
 * generic 500; the cause is logged, never sent. Implementations must be thread-safe: one instance serves every
 * connection.
 */
@FunctionalInterface
public interface RouteHandler {

    /** The reply to {@code request}, now or later. */
    CompletionStage<HttpReply> handle(RouteRequest request);

    /** A handler that answers at once, on the event loop. */
    static RouteHandler of(Function<RouteRequest, HttpReply> immediate) {
        return request -> CompletableFuture.completedFuture(immediate.apply(request));
    }
}
