package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.persistence.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's package, installed by {@code .build/ensure-prometheus.sh}) scrapes a running Hotline's
 * {@code /metrics} on loopback every second: the target is up, Hotline's series come back through Prometheus' HTTP
 * API, and {@code promtool check metrics} finds nothing to say about the scrape. Prometheus listens on a free
 * loopback port and keeps its data in the test's temporary directory; it is killed however the test ends.
 */
class PrometheusScrapeIT {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldBeScrapedByARealPrometheusAndPassPromtool(@TempDir Path directory) throws Exception {
        try (Hotline hotline = TestHotlines.start(DB, directory, "hours.zone = UTC\n", "pbx1", "prometheus-it")) {
            int hotlinePort = hotline.httpAddress().getPort();
            int prometheusPort = freePort();
            Path config = Files.writeString(directory.resolve("prometheus.yml"), String.join("\n",
                    "global:",
                    "  scrape_interval: 1s",
                    "  scrape_timeout: 1s",
                    "scrape_configs:",
                    "  - job_name: hotline",
                    "    metrics_path: /metrics",
                    "    static_configs:",
                    "      - targets: ['127.0.0.1:" + hotlinePort + "']",
                    ""));
            Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
                    "--storage.tsdb.path=" + directory.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + prometheusPort, "--log.level=warn")
                    .redirectErrorStream(true).redirectOutput(directory.resolve("prometheus.log").toFile()).start();
            try {
                String api = "http://127.0.0.1:" + prometheusPort + "/api/v1/";
                // given Prometheus scraped Hotline once at least
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> {
                    assertThat(prometheus.isAlive()).as(Files.readString(directory.resolve("prometheus.log")))
                            .isTrue();
                    JsonNode targets = get(api + "targets").path("data").path("activeTargets");
                    assertThat(targets).hasSize(1);
                    assertThat(targets.get(0).path("health").asText()).isEqualTo("up");
                });

                // then Hotline's series come back through its query API, with their labels
                for (String query : List.of("hotline_routing_occupancy_ratio",
                        "hotline_routing_seats{tier=\"TIER1\",state=\"READY\"}",
                        "hotline_today_figures_age_seconds", "hotline_health_component_up{component=\"routing\"}",
                        "hotline_today_service_level_ratio{queue=\"support\"}")) {
                    await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
                        JsonNode answer = get(api + "query?query=" + URLEncoder.encode(query,
                                StandardCharsets.UTF_8));
                        assertThat(answer.path("status").asText()).isEqualTo("success");
                        JsonNode result = answer.path("data").path("result");
                        assertThat(result).as(query).isNotEmpty();
                        assertThat(result.get(0).path("metric").path("application").asText()).isEqualTo("hotline");
                        assertThat(result.get(0).path("metric").path("job").asText()).isEqualTo("hotline");
                    });
                }
                assertThat(get(api + "query?query=hotline_routing_queue_service_level_ratio").path("data")
                        .path("result").get(0).path("value").get(1).asDouble()).isEqualTo(1.0);

                // and promtool finds nothing wrong in the scrape
                Path scrape = Files.writeString(directory.resolve("scrape.txt"), http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + hotlinePort + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectInput(scrape.toFile())
                        .redirectErrorStream(true).redirectOutput(directory.resolve("promtool.txt").toFile()).start();
                try {
                    assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).as("promtool ends within 30 s").isTrue();
                    assertThat(Files.readString(directory.resolve("promtool.txt"))).isEmpty();
                    assertThat(promtool.exitValue()).isZero();
                } finally {
                    promtool.destroyForcibly();
                }
            } finally {
                stop(prometheus);
            }
        }
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
