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
 * Answers the readiness probe {@code GET /health} (also {@code GET /health/ready}) with the supplier's latest
 * report:
 * <pre>{@code
 * {"status":"DEGRADED","checkedAt":"2025-03-01T09:30:00Z",
 *  "components":{"routing":{"status":"UP","critical":true,"detail":"routing thread running","details":{}},
 *                "ami":{"status":"DOWN","critical":false,"detail":"not logged in to pbx1; retrying","details":{}}}}
 * }</pre>
 * The status is the report's {@linkplain HealthReport#status() status}: {@code UP} or {@code DEGRADED} (a
 * non-critical component such as AMI is not ready; calls are still routed) with HTTP 200, {@code DOWN} (a
 * critical component is not ready, or still starting) with 503. The liveness probe {@code GET /health/live} says
 * only that the process answers ({@link #liveRoute()}). Never cached. Stateless and thread-safe; the supplier must
 * return a cached report without blocking.
 */
public final class HealthHandler implements RouteHandler {

    /** The path of the health endpoint. */
    public static final String PATH = "/health";
    /** The route's metric tag value. */
    public static final String NAME = "health";
    /** The path of the readiness probe under its explicit name; the same answer as {@link #PATH}. */
    public static final String READY_PATH = "/health/ready";
    /** The path of the liveness probe. */
    public static final String LIVE_PATH = "/health/live";

    private final Supplier<HealthReport> health;

    public HealthHandler(Supplier<HealthReport> health) {
        this.health = Objects.requireNonNull(health, "health");
    }

    /** The public {@code GET /health} route over {@code health}. */
    public static HttpRoute route(Supplier<HealthReport> health) {
        return new HttpRoute(HttpMethod.GET, PATH, NAME, Access.PUBLIC, new HealthHandler(health));
    }

    /** The public {@code GET /health/ready} route over {@code health}: the same answer as {@code /health}. */
    public static HttpRoute readyRoute(Supplier<HealthReport> health) {
        return new HttpRoute(HttpMethod.GET, READY_PATH, "health_ready", Access.PUBLIC, new HealthHandler(health));
    }

    /**
     * The public liveness probe {@code GET /health/live}: 200 {@code {"status":"UP"}} whenever the HTTP server
     * answers. It looks at no component on purpose: a restart does not bring back a database, an Asterisk or a
     * network, and a process restarted during their outage only loses its waiting callers.
     */
    public static HttpRoute liveRoute() {
        return new HttpRoute(HttpMethod.GET, LIVE_PATH, "health_live", Access.PUBLIC,
                request -> CompletableFuture.completedFuture(HttpReply.json(HttpResponseStatus.OK,
                        Map.of("status", "UP")).withHeader(HttpHeaderNames.CACHE_CONTROL.toString(),
                        HttpHeaderValues.NO_STORE.toString())));
    }

    @Override
    public CompletionStage<HttpReply> handle(RouteRequest request) {
        return CompletableFuture.completedFuture(reply(health.get()));
    }

    /** The reply for {@code report}. */
    static HttpReply reply(HealthReport report) {
        Objects.requireNonNull(report, "health report");
        Map<String, Object> components = new LinkedHashMap<>();
        report.components().forEach((component, health) -> components.put(component,
                component(health, report.isCritical(component))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.status().name());
        body.put("checkedAt", report.checkedAt().toString());
        body.put("components", components);
        HttpResponseStatus status = report.status().isReady() ? HttpResponseStatus.OK
                : HttpResponseStatus.SERVICE_UNAVAILABLE;
        return HttpReply.json(status, body)
                .withHeader(HttpHeaderNames.CACHE_CONTROL.toString(), HttpHeaderValues.NO_STORE.toString());
    }

    private static Map<String, Object> component(ComponentHealth health, boolean critical) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", health.status().name());
        json.put("critical", critical);
        json.put("detail", health.detail());
        json.put("details", health.details());
        return json;
    }
}
