package io.hotline.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthReport;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRoute;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HealthHandlerTest {

    private static final Instant CHECKED_AT = Instant.parse("2025-03-01T09:30:00Z");

    @Test
    void shouldRenderAReadyReportAsUpWith200() {
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        components.put("database", ComponentHealth.up("MariaDB 11.4.5", new TreeMap<>(Map.of("pool", 10))));
        components.put("ami", ComponentHealth.disabled("no AMI configured"));

        HttpReply reply = HealthHandler.reply(new HealthReport(CHECKED_AT, components));

        assertThat(reply.status()).isEqualTo(HttpResponseStatus.OK);
        assertThat(reply.contentType()).isEqualTo(HttpReply.JSON);
        assertThat(reply.headers()).containsEntry("cache-control", "no-store");
        assertThat(reply.body()).isEqualTo("{\"status\":\"UP\",\"checkedAt\":\"2025-03-01T09:30:00Z\","
                + "\"components\":{\"database\":{\"status\":\"UP\",\"critical\":true,"
                + "\"detail\":\"MariaDB 11.4.5\",\"details\":{\"pool\":10}},"
                + "\"ami\":{\"status\":\"DISABLED\",\"critical\":true,\"detail\":\"no AMI configured\","
                + "\"details\":{}}}}");
    }

    @Test
    void shouldRenderAReportWithAComponentDownAsDownWith503() {
        HttpReply reply = HealthHandler.reply(new HealthReport(CHECKED_AT,
                Map.of("database", ComponentHealth.down("Communications link failure"))));

        assertThat(reply.status()).isEqualTo(HttpResponseStatus.SERVICE_UNAVAILABLE);
        assertThat(reply.body()).startsWith("{\"status\":\"DOWN\",")
                .contains("\"database\":{\"status\":\"DOWN\",\"critical\":true,"
                        + "\"detail\":\"Communications link failure\"");
    }

    @Test
    void shouldRenderANonCriticalComponentDownAsDegradedWith200() {
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        components.put("routing", ComponentHealth.up("routing thread running", Map.of()));
        components.put("ami", ComponentHealth.down("not logged in to pbx1; retrying"));

        HttpReply reply = HealthHandler.reply(new HealthReport(CHECKED_AT, components, Set.of("ami")));

        assertThat(reply.status()).isEqualTo(HttpResponseStatus.OK);
        assertThat(reply.body()).isEqualTo("{\"status\":\"DEGRADED\",\"checkedAt\":\"2025-03-01T09:30:00Z\","
                + "\"components\":{\"routing\":{\"status\":\"UP\",\"critical\":true,"
                + "\"detail\":\"routing thread running\",\"details\":{}},"
                + "\"ami\":{\"status\":\"DOWN\",\"critical\":false,\"detail\":\"not logged in to pbx1; retrying\","
                + "\"details\":{}}}}");
    }

    @Test
    void shouldRenderACriticalComponentDownAsDownWith503EvenWhenTheOthersAreDegraded() {
        HttpReply reply = HealthHandler.reply(new HealthReport(CHECKED_AT, Map.of(
                "routing", ComponentHealth.down("the routing-engine thread is not running"),
                "ami", ComponentHealth.down("not logged in")), Set.of("ami")));

        assertThat(reply.status()).isEqualTo(HttpResponseStatus.SERVICE_UNAVAILABLE);
        assertThat(reply.body()).startsWith("{\"status\":\"DOWN\",");
    }

    @Test
    void shouldAnswerTheLivenessProbeUpWhateverTheComponents() {
        HttpRoute route = HealthHandler.liveRoute();

        HttpReply reply = route.handler().handle(RouteRequest.of(HttpMethod.GET, "/health/live",
                EmptyHttpHeaders.INSTANCE, new byte[0])).toCompletableFuture().join();

        assertThat(route.path()).isEqualTo("/health/live");
        assertThat(route.name()).isEqualTo("health_live");
        assertThat(reply.status()).isEqualTo(HttpResponseStatus.OK);
        assertThat(reply.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(reply.headers()).containsEntry("cache-control", "no-store");
    }

    @Test
    void shouldRenderAStartingComponentAsNotReady() {
        HttpReply reply = HealthHandler.reply(new HealthReport(CHECKED_AT,
                Map.of("database", ComponentHealth.starting("not checked yet"))));

        assertThat(reply.status()).isEqualTo(HttpResponseStatus.SERVICE_UNAVAILABLE);
        assertThat(reply.body()).contains("\"status\":\"STARTING\"");
    }

    @Test
    void shouldServeThePublicGetHealthRouteFromTheSupplier() {
        HealthReport report = new HealthReport(CHECKED_AT, Map.of());
        HttpRoute route = HealthHandler.route(() -> report);

        HttpReply reply = route.handler().handle(RouteRequest.of(HttpMethod.GET, "/health",
                EmptyHttpHeaders.INSTANCE, new byte[0])).toCompletableFuture().join();

        assertThat(route.path()).isEqualTo("/health");
        assertThat(route.name()).isEqualTo("health");
        assertThat(reply.body()).isEqualTo("{\"status\":\"UP\",\"checkedAt\":\"2025-03-01T09:30:00Z\","
                + "\"components\":{}}");
    }
}
