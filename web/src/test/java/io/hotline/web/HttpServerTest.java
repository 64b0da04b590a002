package io.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthReport;
import io.hotline.web.http.Access;
import io.hotline.web.http.FakeAuthenticator;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.RecordingObserver;
import io.hotline.web.http.RouteHandler;
import io.hotline.web.metrics.MetricsEndpoint;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CHECKED_AT = Instant.parse("2025-03-01T09:30:00Z");
    private static final String TEXT = "text/plain; charset=utf-8";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<HealthReport> health = new AtomicReference<>(report(Map.of(
            "database", ComponentHealth.up("MariaDB 11.4.5", Map.of("pool", 10)),
            "ami", ComponentHealth.disabled("no AMI configured"))));
    private final MetricsEndpoint metrics = new MetricsEndpoint() {
        @Override
        public String contentType() {
            return "text/plain; version=0.0.4; charset=utf-8";
        }

        @Override
        public String scrape() {
            return "# TYPE hotline_up gauge\nhotline_up{application=\"hotline\"} 1.0\n";
        }
    };
    private final RecordingObserver observer = new RecordingObserver();
    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void closeServers() {
        servers.forEach(HttpServer::close);
    }

    @Test
    void shouldAnswerHealth200WhenEveryComponentIsUpOrDisabled() throws Exception {
        URI base = start(new HttpServer(WebConfig.of("127.0.0.1", 0), health::get, metrics));

        HttpResponse<String> response = get(base.resolve("/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains(HttpReply.JSON);
        assertThat(response.headers().firstValue("cache-control")).contains("no-store");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("checkedAt").asText()).isEqualTo("2025-03-01T09:30:00Z");
        JsonNode database = body.get("components").get("database");
        assertThat(database.get("status").asText()).isEqualTo("UP");
        assertThat(database.get("detail").asText()).isEqualTo("MariaDB 11.4.5");
        assertThat(database.get("details").get("pool").asInt()).isEqualTo(10);
        assertThat(body.get("components").get("ami").get("status").asText()).isEqualTo("DISABLED");
    }

    @Test
    void shouldAnswerReadiness200DegradedWhileANonCriticalComponentIsDownAndLivenessAlways() throws Exception {
        URI base = start(new HttpServer(WebConfig.of("127.0.0.1", 0), health::get, metrics));
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        components.put("routing", ComponentHealth.up("routing thread running", Map.of()));
        components.put("ami", ComponentHealth.down("not logged in to pbx1; retrying"));
        health.set(new HealthReport(CHECKED_AT, components, Set.of("ami")));

        for (String path : List.of("/health", "/health/ready")) {
            HttpResponse<String> response = get(base.resolve(path));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("status").asText()).isEqualTo("DEGRADED");
            assertThat(body.get("components").get("ami").get("status").asText()).isEqualTo("DOWN");
            assertThat(body.get("components").get("ami").get("critical").asBoolean()).isFalse();
            assertThat(body.get("components").get("routing").get("critical").asBoolean()).isTrue();
        }

        // a critical component down: not ready, yet alive
        components.put("routing", ComponentHealth.down("the routing-engine thread is not running"));
        health.set(new HealthReport(CHECKED_AT, components, Set.of("ami")));
        assertThat(get(base.resolve("/health")).statusCode()).isEqualTo(503);
        assertThat(get(base.resolve("/health/ready")).statusCode()).isEqualTo(503);
        HttpResponse<String> live = get(base.resolve("/health/live"));
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(live.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void shouldAnswerHealth503WhenAComponentIsDown() throws Exception {
        URI base = start(new HttpServer(WebConfig.of("127.0.0.1", 0), health::get, metrics));
        health.set(report(Map.of("database", ComponentHealth.down("Communications link failure"),
                "ami", ComponentHealth.disabled("no AMI configured"))));

        HttpResponse<String> response = get(base.resolve("/health"));

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("DOWN");
        assertThat(body.get("components").get("database").get("status").asText()).isEqualTo("DOWN");
        assertThat(body.get("components").get("database").get("detail").asText())
                .isEqualTo("Communications link failure");
        assertThat(body.get("components").get("database").get("details").isEmpty()).isTrue();
    }

    @Test
    void shouldAnswerHeadHealthWithHeadersOnly() throws Exception {
        URI base = start(new HttpServer(WebConfig.of("127.0.0.1", 0), health::get, metrics));

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/health"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        long expectedLength = get(base.resolve("/health")).body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(response.headers().firstValueAsLong("content-length")).hasValue(expectedLength);
    }

    @Test
    void shouldServeMetricsWithTheirContentType() throws Exception {
        URI base = start(new HttpServer(WebConfig.of("127.0.0.1", 0), health::get, metrics));

        HttpResponse<String> response = get(base.resolve("/metrics"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).isEqualTo(metrics.scrape());
    }

    @Test
    void shouldAnswerAnUnknownPathWith404Json() throws Exception {
        URI base = startObserved();

        HttpResponse<String> response = get(base.resolve("/nowhere?secret=1"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).contains(HttpReply.JSON);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("not_found");
        assertThat(body.get("message").asText()).isNotBlank();
        await().atMost(Duration.ofSeconds(5)).until(() -> observer.observed().contains("not_found 404"));
    }

    @Test
    void shouldAnswerAWrongMethodWith405AndAllow() throws Exception {
        URI base = startObserved();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/health"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).contains("GET, HEAD");
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void shouldRefuseAProtectedRouteWith401UnlessAuthenticated() throws Exception {
        URI base = startObserved();

        HttpResponse<String> refused = get(base.resolve("/private"));
        HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(base.resolve("/private"))
                .header("Authorization", FakeAuthenticator.GOOD_TOKEN).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("www-authenticate")).contains("Bearer realm=\"hotline\"");
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("unauthenticated");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("hello agent-7");
    }

    @Test
    void shouldAnswerGarbageWith400AndKeepServingOtherClients() throws Exception {
        URI base = startObserved();

        String answer = exchangeRaw(base, "THIS IS NOT HTTP\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n")
                .contains("connection: close")
                .endsWith("{\"error\":\"bad_request\",\"message\":\"The request is not valid HTTP.\"}");
        assertThat(get(base.resolve("/health")).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerAnOversizedBodyWith413() throws Exception {
        URI base = startObserved();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(4096))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> small = client.send(HttpRequest.newBuilder(base.resolve("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("small")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(small.body()).isEqualTo("small");
    }

    @Test
    void shouldAnswerAFailingHandlerWithAGeneric500() throws Exception {
        URI base = startObserved();

        HttpResponse<String> response = get(base.resolve("/broken"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("database password").doesNotContain("IllegalStateException");
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("internal_error");
        await().atMost(Duration.ofSeconds(5)).until(() -> observer.observed().contains("broken 500"));
    }

    @Test
    void shouldAnswerPipelinedRequestsInOrderOnOneConnection() throws Exception {
        URI base = startObserved();

        String answers = exchangeRaw(base, "GET /later HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET /private HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET /echo HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        int later = answers.indexOf("HTTP/1.1 200 OK");
        int unauthorized = answers.indexOf("HTTP/1.1 401 Unauthorized");
        int notAllowed = answers.indexOf("HTTP/1.1 405 Method Not Allowed");
        assertThat(later).isZero();
        assertThat(unauthorized).isGreaterThan(later);
        assertThat(notAllowed).isGreaterThan(unauthorized);
        assertThat(answers).contains("done later");
    }

    @Test
    void shouldLetARequestInProgressFinishWhenClosing() throws Exception {
        CompletableFuture<HttpReply> gate = new CompletableFuture<>();
        CountDownLatch handling = new CountDownLatch(1);
        HttpServer server = new HttpServer(WebConfig.of("127.0.0.1", 0), HttpRoutes.builder()
                .get("/gate", "gate", Access.PUBLIC, request -> {
                    handling.countDown();
                    return gate;
                }).build(), new FakeAuthenticator(), observer);
        URI base = start(server);
        CompletableFuture<HttpResponse<String>> response = client.sendAsync(
                HttpRequest.newBuilder(base.resolve("/gate")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(handling.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS)
                .execute(() -> gate.complete(HttpReply.of(HttpResponseStatus.OK, TEXT, "made it")));
        long started = System.nanoTime();
        server.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(response.get(5, TimeUnit.SECONDS).body()).isEqualTo("made it");
    }

    @Test
    void shouldCloseWithinThreeSecondsAndEndItsThreads() throws Exception {
        HttpServer server = new HttpServer(WebConfig.of("127.0.0.1", 0), health::get, metrics);
        URI base = start(server);
        assertThat(get(base.resolve("/health")).statusCode()).isEqualTo(200);
        assertThat(threadNames()).contains("http-boss", "http-worker-1");

        long started = System.nanoTime();
        server.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(2))
                .until(() -> threadNames().stream().noneMatch(name -> name.startsWith("http-")));
        assertThatThrownBy(() -> new Socket(base.getHost(), base.getPort()).close()).isInstanceOf(IOException.class);
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        server.close();
    }

    @Test
    void shouldFailToStartOnAPortInUse() {
        URI base = start(new HttpServer(WebConfig.of("127.0.0.1", 0), health::get, metrics));
        HttpServer second = new HttpServer(WebConfig.of("127.0.0.1", base.getPort()), health::get, metrics);
        servers.add(second);

        assertThatThrownBy(second::start).isInstanceOf(HttpServerException.class)
                .hasMessageContaining("127.0.0.1:" + base.getPort());
    }

    @Test
    void shouldCloseAServerThatNeverStarted() {
        HttpServer server = new HttpServer(WebConfig.of("127.0.0.1", 0), health::get, metrics);

        server.close();

        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }

    private URI startObserved() {
        HttpRoutes routes = HttpServer.machineRoutes(health::get, metrics)
                .get("/private", "private", Access.AUTHENTICATED, RouteHandler.of(request ->
                        HttpReply.of(HttpResponseStatus.OK, TEXT, "hello " + request.user().orElseThrow().name())))
                .post("/echo", "echo", Access.PUBLIC, RouteHandler.of(request ->
                        HttpReply.of(HttpResponseStatus.OK, TEXT, request.bodyText())))
                .get("/broken", "broken", Access.PUBLIC, RouteHandler.of(request -> {
                    throw new IllegalStateException("database password is hunter2");
                }))
                .get("/later", "later", Access.PUBLIC, request -> CompletableFuture.supplyAsync(
                        () -> HttpReply.of(HttpResponseStatus.OK, TEXT, "done later"),
                        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)))
                .build();
        return start(new HttpServer(new WebConfig("127.0.0.1", 0, 1024), routes, new FakeAuthenticator(), observer));
    }

    private URI start(HttpServer server) {
        servers.add(server);
        InetSocketAddress address = server.start();
        assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(address.getPort()).isPositive();
        return URI.create("http://127.0.0.1:" + address.getPort() + "/");
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Writes {@code request} on a fresh connection and reads until the server closes it. */
    private static String exchangeRaw(URI base, String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HealthReport report(Map<String, ComponentHealth> components) {
        return new HealthReport(CHECKED_AT, new LinkedHashMap<>(components));
    }

    private static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
    }
}
