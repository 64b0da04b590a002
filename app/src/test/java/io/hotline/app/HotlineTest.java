package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hotline.ops.config.Settings;
import io.hotline.persistence.DatabaseUnavailableException;
import io.hotline.persistence.field.SmsMessages;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.engine.RoutingSnapshot;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hotline started in-process against the test database: what an operator sees after {@code hotline run}. */
class HotlineTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldMigrateSeedAndReportHealthyWithPoolMetrics() throws Exception {
        // given an empty database and an ephemeral HTTP port
        try (Hotline hotline = Hotline.start(configuration(DB.config().jdbcUrl()))) {
            String base = "http://127.0.0.1:" + hotline.httpAddress().getPort();

            // then /health is 200 with the database up and AMI/AGI reported, not hidden; the journal's entry of the
            // start (the restart marker) reaches the database within the next health check or two
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                HttpResponse<String> health = get(base + "/health");
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"database\"", "\"routing\"", "\"journal\"", "\"ami\"",
                        "\"agi\"", "\"UP\"", "every entry is on the work orders",
                        "\"ami\":{\"status\":\"DISABLED\"");
                // state, never the connection string (a password parameter in it would be shown to anyone)
                assertThat(health.body()).doesNotContain("jdbc:", DB.schema());
            });

            // and /metrics has HikariCP's pool series and Hotline's own
            HttpResponse<String> metrics = get(base + "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("hikaricp_connections", "hotline_health_component_up",
                    "hotline_routing_seats", "hotline_routing_queue_waiting", "hotline_routing_inbox_depth",
                    "hotline_journal_backlog", "hotline_journal_dropped_total", "hotline_journal_failures_total");
            // and disabled AMI has no "up" series, while the database's reads 1
            assertThat(metrics.body()).contains("hotline_health_component_up{application=\"hotline\","
                    + "component=\"database\"} 1.0").doesNotContain("component=\"ami\"");

            // and the demo organisation (loaded by the test database, as seed --demo --into-external would) is there
            int seats = hotline.database().jdbi().withHandle(handle -> handle
                    .createQuery("SELECT COUNT(*) FROM seat WHERE active = TRUE").mapTo(Integer.class).one());
            assertThat(seats).isBetween(35, 45);

            // and the knowledge base is built from kb_article in the background, every article searchable
            int articles = hotline.database().jdbi().withHandle(handle -> handle
                    .createQuery("SELECT COUNT(*) FROM kb_article").mapTo(Integer.class).one());
            await().atMost(Duration.ofSeconds(30)).until(() -> hotline.knowledge().isReady());
            assertThat(hotline.knowledge().size()).isEqualTo(articles).isPositive();
            assertThat(get(base + "/health").body()).contains("\"knowledge\":{\"status\":\"UP\"");

            // and an SMS queued goes out through the file gateway: /metrics counts it sent and the queue empty,
            // /health shows the sms component up with the gateway's kind
            assertThat(new SmsMessages(hotline.database().jdbi()).queue(0, "reply-hotline-test", "+8613800000000",
                    "Hotline: test", Instant.now())).isTrue();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(get(base + "/metrics").body()).containsPattern(
                        "hotline_sms_outbound_total\\{application=\"hotline\",outcome=\"sent\"} [1-9]")
                        .contains("hotline_sms_queued{application=\"hotline\"} 0.0",
                                "hotline_sms_inbound_total{application=\"hotline\",outcome=\"accepted\"} 0.0");
                assertThat(get(base + "/health").body()).contains("\"sms\":{\"status\":\"UP\"",
                        "\"gateway\":\"file\"");
            });

            // and the routing engine knows every seat, logged out
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                RoutingSnapshot routing = hotline.routingSnapshot();
                int loggedOut = 0;
                for (Tier tier : Tier.values()) {
                    loggedOut += routing.seats(tier, SeatState.LOGGED_OUT);
                }
                assertThat(loggedOut).isEqualTo(seats);
            });
            assertThat(get(base + "/metrics").body()).containsPattern(
                    "hotline_routing_seats\\{application=\"hotline\",state=\"LOGGED_OUT\",tier=\"TIER1\"} [1-9]");
        }
    }

    @Test
    void shouldStayReadyAndReportDegradedWhileAsteriskManagerIsUnreachable() throws Exception {
        // given an AMI host where nothing listens: routing goes on from the dialplan's AGI requests
        Map<String, String> values = new HashMap<>(Map.of(
                "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_HEALTH_INTERVAL", "1s",
                "HOTLINE_AMI_HOST", "127.0.0.1:" + freePort(),
                "HOTLINE_AMI_SECRET", "not-used",
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh("hotline-ami-down")));
        try (Hotline hotline = Hotline.start(HotlineConfiguration.from(Settings.of(values)))) {
            String base = "http://127.0.0.1:" + hotline.httpAddress().getPort();

            // then readiness is 200, DEGRADED, naming AMI as down and not critical
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                HttpResponse<String> health = get(base + "/health");
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).startsWith("{\"status\":\"DEGRADED\"").contains(
                        "\"ami\":{\"status\":\"DOWN\",\"critical\":false",
                        "\"routing\":{\"status\":\"UP\",\"critical\":true",
                        "\"agi\":{\"status\":\"UP\",\"critical\":true");
            });
            assertThat(get(base + "/health/ready").statusCode()).isEqualTo(200);
            assertThat(get(base + "/health/live").body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void shouldFailWithOneReadableLineAndReleaseThePortWhenTheDatabaseIsUnreachable() throws Exception {
        int httpPort = freePort();
        int deadPort = freePort();
        Map<String, String> values = new HashMap<>(Map.of(
                "HOTLINE_DB_URL", "jdbc:mysql://127.0.0.1:" + deadPort + "/hotline",
                "HOTLINE_DB_PASSWORD", "s3cret-should-not-show",
                "HOTLINE_DB_CONNECT_TIMEOUT", "1s",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_HTTP_PORT", Integer.toString(httpPort),
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh("hotline-db-down")));

        assertThatThrownBy(() -> Hotline.start(HotlineConfiguration.from(Settings.of(values))))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("cannot connect to database jdbc:mysql://127.0.0.1:" + deadPort)
                .hasMessageNotContaining("s3cret-should-not-show")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("\n"));

        // the HTTP server that had started is closed again
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            try (ServerSocket socket = new ServerSocket(httpPort, 1, java.net.InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(httpPort);
            }
        });
    }

    static HotlineConfiguration configuration(String jdbcUrl) {
        return HotlineConfiguration.from(Settings.of(Map.of(
                "HOTLINE_DB_URL", jdbcUrl,
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_HEALTH_INTERVAL", "1s",
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh("hotline"))));
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
