package io.hotline.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.web.HttpServer;
import io.hotline.web.WebConfig;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.HttpRequestObserver;
import io.hotline.web.http.HttpRoutes;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/reports/service-quality} over a real loopback server with a fake backend: supervisors and admins
 * only, every bad parameter a 400 with its reason before the backend is asked, the file with its headers, 503 while
 * not ready or when the backend refuses more work.
 */
class ReportRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, AuthenticatedUser> USERS = Map.of(
            "super", new AuthenticatedUser("zhao.lei", Set.of("supervisor")),
            "admin", new AuthenticatedUser("root", Set.of("admin")),
            "agent", new AuthenticatedUser("li.wei", Set.of("agent"), "S101", null),
            "duty", new AuthenticatedUser("chen.jie", Set.of("duty-manager"), null, "SH"));

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ReportRequest> asked = new CopyOnWriteArrayList<>();
    private volatile boolean ready = true;
    private volatile RuntimeException failure;
    private HttpServer server;
    private InetSocketAddress address;

    @BeforeEach
    void start() {
        ReportBackend backend = new ReportBackend() {
            @Override
            public boolean ready() {
                return ready;
            }

            @Override
            public CompletionStage<ReportFile> serviceQuality(ReportRequest request) {
                asked.add(request);
                if (failure != null) {
                    return CompletableFuture.failedFuture(failure);
                }
                return CompletableFuture.supplyAsync(() -> request.format().equals("html")
                        ? new ReportFile("text/html; charset=utf-8", "r.html", "default-src 'none'",
                        "<html>report</html>".getBytes(StandardCharsets.UTF_8))
                        : new ReportFile("text/csv; charset=utf-8", "r-" + request.table() + ".csv", "sandbox",
                        "\uFEFFa,b\r\n".getBytes(StandardCharsets.UTF_8)));
            }
        };
        HttpRoutes routes = ReportRoutes.register(HttpRoutes.builder(), backend).build();
        Authenticator authenticator = request -> Optional.ofNullable(request.headers().get("Authorization"))
                .map(header -> USERS.get(header.replace("Bearer ", "")));
        server = new HttpServer(WebConfig.of("127.0.0.1", 0), routes, authenticator, HttpRequestObserver.NO_OP);
        address = server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldServeTheHtmlReportInlineToSupervisorsAndAdmins() throws Exception {
        for (String user : List.of("super", "admin")) {
            HttpResponse<String> response = get("?from=2026-11-01&to=2026-12-01&lang=en", user);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("<html>report</html>");
            assertThat(response.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
            assertThat(response.headers().firstValue("Content-Disposition")).contains("inline; filename=\"r.html\"");
            assertThat(response.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'");
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        }
        assertThat(asked).containsExactly(
                new ReportRequest(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"), "html", null, "en"),
                new ReportRequest(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"), "html", null, "en"));
    }

    @Test
    void shouldServeACsvTableAsAnAttachmentInChineseByDefault() throws Exception {
        HttpResponse<String> response = get("?from=2026-11-01&to=2026-11-08&format=csv&table=weeks", "super");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"r-weeks.csv\"");
        assertThat(asked).containsExactly(new ReportRequest(LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-08"), "csv", "weeks", "zh"));
    }

    @Test
    void shouldRefuseEveryoneElse() throws Exception {
        assertThat(get("?from=2026-11-01&to=2026-12-01", "agent").statusCode()).isEqualTo(403);
        assertThat(get("?from=2026-11-01&to=2026-12-01", "duty").statusCode()).isEqualTo(403);
        assertThat(get("?from=2026-11-01&to=2026-12-01", null).statusCode()).isEqualTo(401);
        assertThat(asked).isEmpty();
    }

    @Test
    void shouldAnswer400WithTheReasonForEveryBadParameter() throws Exception {
        Map<String, String> reasons = Map.of(
                "", "\"from\" and \"to\" are days",
                "?from=2026-11-01", "\"from\" and \"to\" are days",
                "?from=2026-02-30&to=2026-03-01", "\"from\" and \"to\" are days",
                "?from=20261101&to=2026-12-01", "\"from\" and \"to\" are days",
                "?from=2026-12-01&to=2026-12-01", "must be after",
                "?from=2025-01-01&to=2026-02-06", "at most 400 days",
                "?from=2026-11-01&to=2026-12-01&format=pdf", "\"format\" is html or csv",
                "?from=2026-11-01&to=2026-12-01&format=csv", "needs \"table\"",
                "?from=2026-11-01&to=2026-12-01&format=csv&table=nope", "needs \"table\"",
                "?from=2026-11-01&to=2026-12-01&lang=fr", "\"lang\" is zh or en");
        for (Map.Entry<String, String> bad : reasons.entrySet()) {
            HttpResponse<String> response = get(bad.getKey(), "super");

            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("error").asText()).isEqualTo("bad_request");
            assertThat(body.get("message").asText()).as(bad.getKey()).contains(bad.getValue());
        }
        assertThat(get("?from=2025-01-01&to=2026-02-05", "super").statusCode()).as("400 days").isEqualTo(200);
        assertThat(asked).hasSize(1);
    }

    @Test
    void shouldAnswer503UntilReadyAndWhenTooManyReportsAreBeingMade() throws Exception {
        ready = false;
        assertThat(get("?from=2026-11-01&to=2026-12-01", "super").statusCode()).isEqualTo(503);
        ready = true;
        failure = new RejectedExecutionException("queue full");
        assertThat(get("?from=2026-11-01&to=2026-12-01", "super").statusCode()).isEqualTo(503);
        failure = new IllegalStateException("database gone");
        HttpResponse<String> failed = get("?from=2026-11-01&to=2026-12-01", "super");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("database gone");
    }

    private HttpResponse<String> get(String query, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort()
                + ReportRoutes.PATH + query)).timeout(Duration.ofSeconds(10)).GET();
        if (user != null) {
            request.header("Authorization", "Bearer " + user);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
