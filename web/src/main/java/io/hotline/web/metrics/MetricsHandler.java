package io.hotline.web.metrics;

import io.hotline.web.http.Access;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRoute;
import io.hotline.web.http.RouteHandler;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Answers {@code GET /metrics} with the scrape, uncached. Stateless and thread-safe. */
public final class MetricsHandler implements RouteHandler {

    /** The path of the metrics endpoint. */
    public static final String PATH = "/metrics";
    /** The route's metric tag value. */
    public static final String NAME = "metrics";

    private final MetricsEndpoint metrics;

    public MetricsHandler(MetricsEndpoint metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** The public {@code GET /metrics} route over {@code metrics}. */
    public static HttpRoute route(MetricsEndpoint metrics) {
        return new HttpRoute(HttpMethod.GET, PATH, NAME, Access.PUBLIC, new MetricsHandler(metrics));
    }

    @Override
    public CompletionStage<HttpReply> handle(RouteRequest request) {
        return CompletableFuture.completedFuture(HttpReply.of(HttpResponseStatus.OK, metrics.contentType(),
                metrics.scrape()).withHeader(HttpHeaderNames.CACHE_CONTROL.toString(),
                HttpHeaderValues.NO_STORE.toString()));
    }
}
