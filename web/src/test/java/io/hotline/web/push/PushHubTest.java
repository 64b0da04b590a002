package io.hotline.web.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hotline.routing.spi.HealthReport;
import io.hotline.web.HttpServer;
import io.hotline.web.WebConfig;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.HttpRequestObserver;
import io.hotline.web.metrics.MetricsEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PushHubTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:15:30.250Z");
    private static final AuthenticatedUser ADA = new AuthenticatedUser("ada", Set.of("agent"));
    private static final AuthenticatedUser BEA = new AuthenticatedUser("bea", Set.of("agent"));
    private static final AuthenticatedUser SUE = new AuthenticatedUser("sue", Set.of("supervisor"));
    private static final Consumer<PushClient.Received> IGNORE = message -> {
    };

    private final TokenAuthenticator authenticator = new TokenAuthenticator(
            Map.of("ada-token", ADA, "bea-token", BEA, "sue-token", SUE));
    private final Map<String, String> seats = Map.of("ada", "seat-3", "bea", "seat-4");
    private final PushClients clients = new PushClients(1);
    private final List<HttpServer> servers = new ArrayList<>();
    private PushHub hub;
    private URI base;

    @AfterEach
    void close() {
        clients.close();
        servers.forEach(HttpServer::close);
    }

    private void start(PushConfig config) {
        hub = new PushHub(config, user -> Optional.ofNullable(seats.get(user.name())),
                user -> List.of(new PushMessage("hello", Map.of("user", user.name()))), InstantSource.fixed(NOW));
        HttpServer server = new HttpServer(WebConfig.of("127.0.0.1", 0),
                HttpServer.machineRoutes(() -> new HealthReport(NOW, Map.of(), Set.of()), emptyMetrics()).build(),
                authenticator, HttpRequestObserver.NO_OP, hub);
        servers.add(server);
        InetSocketAddress bound = server.start();
        base = URI.create("ws://127.0.0.1:" + bound.getPort() + "/ws");
    }

    private PushClient connect(String token) throws Exception {
        PushClient client = clients.connectWithBearer(base, token, IGNORE).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> client.first("hello").isPresent());
        return client;
    }

    @Test
    void shouldGreetAndPushByUserSeatAndRoleInTheEnvelope() throws Exception {
        start(PushConfig.defaults());
        PushClient ada = connect("ada-token");
        PushClient bea = connect("bea-token");
        PushClient sue = connect("sue-token");

        int toUser = hub.toUser("ada", "note", Map.of("text", "for ada"));
        int toSeat = hub.toSeat("seat-4", "screen-pop", Map.of("caller", "Acme"));
        int toRole = hub.toRole("agent", "queue", Map.of("waiting", 3));
        int toSupervisors = hub.toRole("supervisor", "seats", Map.of("ready", 2));
        int toNobody = hub.toUser("zoe", "note", Map.of());

        assertThat(List.of(toUser, toSeat, toRole, toSupervisors, toNobody)).containsExactly(1, 1, 2, 1, 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> ada.messages().size() == 3 && bea.messages().size() == 3
                && sue.messages().size() == 2);
        assertThat(ada.messages()).extracting(PushClient.Received::type).containsExactly("hello", "note", "queue");
        assertThat(bea.messages()).extracting(PushClient.Received::type)
                .containsExactly("hello", "screen-pop", "queue");
        assertThat(sue.messages()).extracting(PushClient.Received::type).containsExactly("hello", "seats");
        PushClient.Received note = ada.messages().get(1);
        assertThat(note.json().fieldNames()).toIterable().containsExactly("type", "at", "data");
        assertThat(Instant.parse(note.json().get("at").asText())).isEqualTo(NOW);
        assertThat(note.data().get("text").asText()).isEqualTo("for ada");
        assertThat(ada.messages().get(0).data().get("user").asText()).isEqualTo("ada");
        assertThat(hub.connections()).isEqualTo(3);
    }

    @Test
    void shouldPushOnceToEveryConnectionWhoseUserThePredicateAccepts() throws Exception {
        start(PushConfig.defaults());
        PushClient ada = connect("ada-token");
        PushClient adaAgain = connect("ada-token");
        PushClient bea = connect("bea-token");
        PushClient sue = connect("sue-token");

        int agentsAndSue = hub.toMatching(user -> user.hasRole("agent") && user.name().equals("ada")
                || user.supervises(), "branch", Map.of("code", "B01"));
        int nobody = hub.toMatching(user -> false, "branch", Map.of());

        assertThat(List.of(agentsAndSue, nobody)).containsExactly(3, 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> ada.messages("branch").size() == 1
                && adaAgain.messages("branch").size() == 1 && sue.messages("branch").size() == 1);
        assertThat(sue.messages("branch").get(0).data().get("code").asText()).isEqualTo("B01");
        assertThat(bea.messages("branch")).isEmpty();
    }

    @Test
    void shouldRefuseAnUnauthenticatedHandshakeWith401AndNoUpgrade() throws Exception {
        start(PushConfig.defaults());

        String noToken = rawHandshake("", true);
        String badToken = rawHandshake("Authorization: Bearer forged\r\n", true);

        assertThat(noToken).startsWith("HTTP/1.1 401").containsIgnoringCase("www-authenticate: Bearer")
                .doesNotContainIgnoringCase("upgrade: websocket");
        assertThat(badToken).startsWith("HTTP/1.1 401");
        assertThatThrownBy(() -> clients.connectWithBearer(base, "forged", IGNORE).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(PushClient.Refused.class)
                .extracting(cause -> ((PushClient.Refused) cause).status()).isEqualTo(401);
        assertThat(hub.connections()).isZero();
    }

    @Test
    void shouldAcceptASessionCookie() throws Exception {
        start(PushConfig.defaults());

        PushClient ada = clients.connect(base, Map.of("Cookie", "lang=zh; hotline_session=ada-token"), IGNORE)
                .get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> ada.first("hello").isPresent());
    }

    @Test
    void shouldRefuseAForeignOriginWith403AndAcceptItsOwn() throws Exception {
        start(PushConfig.defaults());
        String own = "http://127.0.0.1:" + base.getPort();

        assertThatThrownBy(() -> clients.connect(base, Map.of("Authorization", "Bearer ada-token",
                "Origin", "http://evil.example"), IGNORE).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(PushClient.Refused.class)
                .extracting(cause -> ((PushClient.Refused) cause).status()).isEqualTo(403);
        assertThatThrownBy(() -> clients.connect(base, Map.of("Authorization", "Bearer ada-token",
                "Origin", "http://127.0.0.1:1"), IGNORE).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(PushClient.Refused.class);
        PushClient accepted = clients.connect(base, Map.of("Authorization", "Bearer ada-token", "Origin", own),
                IGNORE).get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> accepted.first("hello").isPresent());
    }

    @Test
    void shouldAnswerOtherMethodsAndPlainRequestsWithoutUpgrading() throws Exception {
        start(PushConfig.defaults());
        HttpClient http = HttpClient.newHttpClient();
        URI httpUri = URI.create("http://127.0.0.1:" + base.getPort() + "/ws");

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(httpUri)
                .header("Authorization", "Bearer ada-token").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(httpUri)
                .header("Authorization", "Bearer ada-token").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(httpUri.resolve("/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).contains("GET");
        assertThat(plain.statusCode()).isEqualTo(426);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(hub.connections()).isZero();
    }

    @Test
    void shouldAnswerThePagesPingWithPongAndProtocolPings() throws Exception {
        start(PushConfig.defaults());
        PushClient ada = connect("ada-token");

        ada.ping();
        ada.protocolPing();

        await().atMost(Duration.ofSeconds(5)).until(() -> ada.first("pong").isPresent());
        assertThat(ada.pong()).succeedsWithin(Duration.ofSeconds(5));
        assertThat(ada.first("pong").orElseThrow().json().get("at").asText()).isEqualTo(NOW.toString());
    }

    @Test
    void shouldCloseEveryConnectionOfAUserWith1008OnCloseUser() throws Exception {
        start(PushConfig.defaults());
        PushClient adaDesk = connect("ada-token");
        PushClient adaPhone = connect("ada-token");
        PushClient bea = connect("bea-token");

        int closed = hub.closeUser("ada");

        assertThat(closed).isEqualTo(2);
        assertThat(adaDesk.closeStatus()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1008);
        assertThat(adaPhone.closeStatus()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1008);
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.connections() == 1);
        assertThat(hub.toUser("ada", "note", Map.of())).isZero();
        assertThat(hub.toSeat("seat-3", "note", Map.of())).isZero();
        assertThat(bea.isOpen()).isTrue();
    }

    @Test
    void shouldCloseAConnectionIdleForTheTimeoutWith1001() throws Exception {
        start(PushConfig.defaults().withIdleTimeout(Duration.ofMillis(300)));
        PushClient ada = connect("ada-token");

        assertThat(ada.closeStatus()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1001);
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.connections() == 0);
    }

    @Test
    void shouldCloseAndCountASlowConsumerWithinItsBoundAndKeepServingTheOthers() throws Exception {
        int bound = 64 * 1024;
        start(PushConfig.defaults().withMaxQueuedBytes(bound));
        PushClient bea = connect("bea-token");
        String payload = "x".repeat(16 * 1024);
        long queuedBytes = 0;
        try (Socket stuck = new Socket()) {
            stuck.setReceiveBufferSize(4096);
            stuck.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
            assertThat(handshake(stuck, "Authorization: Bearer ada-token\r\n", true)).startsWith("HTTP/1.1 101");
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.connections() == 2);

            // The stuck client reads nothing more; every send is bounded, and so is the loop.
            for (int i = 0; i < 10_000 && hub.droppedConnections() == 0; i++) {
                queuedBytes += (long) hub.toUser("ada", "flood", Map.of("text", payload)) * payload.length();
            }

            assertThat(hub.droppedConnections()).isEqualTo(1);
            // Beyond the bound only what the kernel's socket buffers took (a few MiB at most on loopback).
            assertThat(queuedBytes).isLessThan(16L * 1024 * 1024);
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.connections() == 1);
            assertThat(hub.toUser("ada", "flood", Map.of())).isZero();
            // Reading again, the stuck client finds what was queued, then the close frame with 1013.
            assertThat(closeStatusAfterFrames(stuck.getInputStream())).isEqualTo(1013);
        }
        assertThat(hub.toUser("bea", "note", Map.of("text", "still here"))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> bea.first("note").isPresent());
        assertThat(bea.isOpen()).isTrue();
    }

    @Test
    void shouldCloseEveryConnectionWith1001WhenTheServerStops() throws Exception {
        start(PushConfig.defaults());
        PushClient ada = connect("ada-token");

        servers.get(0).close();

        assertThat(ada.closeStatus()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1001);
    }

    private String rawHandshake(String extraHeaders, boolean upgrade) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
            return handshake(socket, extraHeaders, upgrade);
        }
    }

    /** Writes a handshake request and reads the response head (up to the blank line). */
    private String handshake(Socket socket, String extraHeaders, boolean upgrade) throws IOException {
        socket.setSoTimeout(5000);
        String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort() + "\r\n"
                + (upgrade ? "Upgrade: websocket\r\nConnection: Upgrade\r\n" : "")
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + extraHeaders + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (int i = 0; i < 16 * 1024; i++) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.write(next);
            if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Skips server frames (unmasked, RFC 6455 5.2) up to a close frame and returns its status; -1 at the end. */
    private static int closeStatusAfterFrames(InputStream in) throws IOException {
        DataInputStream frames = new DataInputStream(in);
        for (int i = 0; i < 100_000; i++) {
            int first = frames.read();
            if (first < 0) {
                return -1;
            }
            int lengthByte = frames.readUnsignedByte() & 0x7f;
            long length = lengthByte == 126 ? frames.readUnsignedShort()
                    : lengthByte == 127 ? frames.readLong() : lengthByte;
            if ((first & 0x0f) == 0x8) {
                return frames.readUnsignedShort();
            }
            frames.skipNBytes(length);
        }
        return -1;
    }

    private static MetricsEndpoint emptyMetrics() {
        return new MetricsEndpoint() {
            @Override
            public String contentType() {
                return "text/plain; version=0.0.4; charset=utf-8";
            }

            @Override
            public String scrape() {
                return "";
            }
        };
    }
}
