package io.hotline.web.health;

import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthReport;
import io.hotline.web.http.Access;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRoute;
import io.hotline.web.http.RouteHandler;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Answers {@code GET /health} with the supplier's latest report:
 * <pre>{@code
 * {"status":"UP","checkedAt":"2025-03-01T09:30:00Z",
 *  "components":{"database":{"status":"UP","detail":"MariaDB 11.4","details":{"pool":10}}}}
 * }</pre>
 * The status is {@code UP} with HTTP 200 when the report {@linkplain HealthReport#isReady() is ready}, otherwise
 * {@code DOWN} with 503. Never cached. Stateless and thread-safe; the supplier must return a cached report
 * without blocking.
 */
public final class HealthHandler implements RouteHandler {

    /** The path of the health endpoint. */
    public static final String PATH = "/health";
    /** The route's metric tag value. */
    public static final String NAME = "health";

    private final Supplier<HealthReport> health;

    public HealthHandler(Supplier<HealthReport> health) {
        this.health = Objects.requireNonNull(health, "health");
    }

    /** The public {@code GET /health} route over {@code health}. */
    public static HttpRoute route(Supplier<HealthReport> health) {
        return new HttpRoute(HttpMethod.GET, PATH, NAME, Access.PUBLIC, new HealthHandler(health));
    }

    @Override
    public CompletionStage<HttpReply> handle(RouteRequest request) {
        return CompletableFuture.completedFuture(reply(health.get()));
    }

    /** The reply for {@code report}. */
    static HttpReply reply(HealthReport report) {
        Objects.requireNonNull(report, "health report");
        Map<String, Object> components = new LinkedHashMap<>();
        report.components().forEach((component, health) -> components.put(component, component(health)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.isReady() ? "UP" : "DOWN");
        body.put("checkedAt", report.checkedAt().toString());
        body.put("components", components);
        HttpResponseStatus status = report.isReady() ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE;
        return HttpReply.json(status, body)
                .withHeader(HttpHeaderNames.CACHE_CONTROL.toString(), HttpHeaderValues.NO_STORE.toString());
    }

    private static Map<String, Object> component(ComponentHealth health) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", health.status().name());
        json.put("detail", health.detail());
        json.put("details", health.details());
        return json;
    }
}
