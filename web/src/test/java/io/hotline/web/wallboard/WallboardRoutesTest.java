package io.hotline.web.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.web.HttpServer;
import io.hotline.web.WebConfig;
import io.hotline.web.http.Access;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRequestObserver;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.RouteHandler;
import io.hotline.web.http.RouteRequest;
import io.hotline.web.push.Greeter;
import io.hotline.web.push.PushClient;
import io.hotline.web.push.PushClients;
import io.hotline.web.push.PushHub;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wallboard over a real loopback server with {@link FakeWallboard}: who may read it (supervisors, admins and the
 * wall screens' token; not agents, duty managers or nobody), the token nowhere else, its JSON, the 503 while
 * starting, and the push topic: only to the connections that asked for it and may watch, only when it changed.
 */
class WallboardRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, AuthenticatedUser> SESSIONS = Map.of(
            "super", new AuthenticatedUser("zhao.lei", Set.of("supervisor")),
            "admin", new AuthenticatedUser("root", Set.of("admin")),
            "duty", new AuthenticatedUser("chen.jie", Set.of("duty-manager"), null, "B01"),
            "agent", new AuthenticatedUser("li.wei", Set.of("agent"), "S101", null));

    private final FakeWallboard backend = new FakeWallboard();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private PushHub hub;
    private HttpServer server;
    private InetSocketAddress address;

    @BeforeEach
    void start() {
        hub = new PushHub(user -> Optional.ofNullable(user.seatId()), Greeter.NONE);
        HttpRoutes.Builder routes = WallboardRoutes.register(HttpRoutes.builder(), backend);
        routes.get("/api/other", "other", Access.AUTHENTICATED,
                RouteHandler.of(request -> HttpReply.of(HttpResponseStatus.OK, "text/plain", "other")));
        Authenticator sessions = request -> Optional.ofNullable(request.headers().get("Authorization"))
                .map(header -> SESSIONS.get(header.replace("Bearer ", "")));
        server = new HttpServer(WebConfig.of("127.0.0.1", 0), routes.build(),
                WallboardAuthenticator.of(sessions, Optional.of(FakeWallboard.TOKEN), "/ws"),
                HttpRequestObserver.NO_OP, hub);
        address = server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldLetSupervisorsAdminsAndTheTokenReadTheWallboardAndNobodyElse() throws Exception {
        assertThat(get("/api/wallboard", "super").statusCode()).isEqualTo(200);
        assertThat(get("/api/wallboard", "admin").statusCode()).isEqualTo(200);
        assertThat(get("/api/wallboard", FakeWallboard.TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/api/wallboard", "duty").statusCode()).isEqualTo(403);
        assertThat(get("/api/wallboard", "agent").statusCode()).isEqualTo(403);
        assertThat(get("/api/wallboard", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/wallboard", FakeWallboard.TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(get("/api/wallboard", FakeWallboard.TOKEN.substring(1)).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldOpenNothingButTheWallboardWithTheToken() throws Exception {
        // given a route every session may read
        assertThat(get("/api/other", "agent").statusCode()).isEqualTo(200);

        // then the token is an unknown session there
        assertThat(get("/api/other", FakeWallboard.TOKEN).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswerTheFloorAsJson() throws Exception {
        // when the wall screen reads the wallboard
        HttpResponse<String> response = get("/api/wallboard", FakeWallboard.TOKEN);

        // then it has the queues, seats, clocks, dispatches with their legs, branches and today's share
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/queues/1/name").asText()).isEqualTo("support");
        assertThat(body.at("/queues/1/waiting").asInt()).isEqualTo(3);
        assertThat(body.at("/queues/1/longestWaitSeconds").asInt()).isEqualTo(21);
        assertThat(body.at("/queues/1/today/serviceLevel").asDouble()).isEqualTo(0.84);
        assertThat(body.at("/queues/1/today/abandoned").asInt()).isEqualTo(7);
        assertThat(body.at("/queues/0/today").isNull()).isTrue();
        assertThat(body.at("/seats/0/tier").asText()).isEqualTo("TIER1");
        assertThat(body.at("/seats/0/states/READY").asInt()).isEqualTo(6);
        assertThat(body.at("/seats/0/states/WRAP_UP").asInt()).isZero();
        assertThat(body.at("/seats/0/unreachable").asInt()).isEqualTo(1);
        assertThat(body.at("/clocks/0/workOrderId").asLong()).isEqualTo(7001);
        assertThat(body.at("/clocks/0/kind").asText()).isEqualTo("RESPONSE");
        assertThat(body.at("/clocks/0/breached").asBoolean()).isTrue();
        assertThat(body.get("clocksMore").asInt()).isEqualTo(3);
        assertThat(body.at("/dispatches/0/deadline").asText()).isEqualTo("acknowledge");
        assertThat(body.at("/dispatches/0/site/lat").asDouble()).isEqualTo(31.204);
        assertThat(body.at("/dispatches/1/legs/0/expiredAt").isTextual()).isTrue();
        assertThat(body.at("/dispatches/1/legs/1/acknowledgedAt").isTextual()).isTrue();
        assertThat(body.at("/branches/1/name").asText()).isEqualTo("杭州分公司");
        assertThat(body.at("/solvedWithoutVisit/ratio").asDouble()).isEqualTo(0.85);
    }

    @Test
    void shouldAnswerStartingUntilTheBackendIsReady() throws Exception {
        backend.ready(false);
        assertThat(get("/api/wallboard", "super").statusCode()).isEqualTo(503);
        assertThat(new WallboardPushes(hub, backend).tick()).isZero();
    }

    @Test
    void shouldPushToWallsThatAskedOnlyWhenTheFloorChanged() throws Exception {
        try (PushClients clients = new PushClients(1)) {
            // given a wall screen on the topic, a supervisor's desktop without it, and an agent asking for it
            URI topic = URI.create("ws://127.0.0.1:" + address.getPort() + "/ws?topic=wallboard");
            URI plain = URI.create("ws://127.0.0.1:" + address.getPort() + "/ws");
            PushClient wall = clients.connectWithBearer(topic, FakeWallboard.TOKEN, message -> { })
                    .get(5, TimeUnit.SECONDS);
            PushClient desktop = clients.connectWithBearer(plain, "super", message -> { }).get(5, TimeUnit.SECONDS);
            PushClient agent = clients.connectWithBearer(topic, "agent", message -> { }).get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.connections() == 3);
            WallboardPushes pushes = new WallboardPushes(hub, backend);

            // when the pushes tick twice on the same floor, then once after it changed
            assertThat(pushes.tick()).isEqualTo(1);
            assertThat(pushes.tick()).isZero();
            backend.waiting(5);
            assertThat(pushes.tick()).isEqualTo(1);

            // then only the wall got the two snapshots, the second with the new figure
            await().atMost(Duration.ofSeconds(5)).until(() -> wall.messages("wallboard").size() == 2);
            assertThat(wall.messages("wallboard").get(1).data().at("/queues/1/waiting").asInt()).isEqualTo(5);
            assertThat(desktop.messages("wallboard")).isEmpty();
            assertThat(agent.messages("wallboard")).isEmpty();
        }
    }

    @Test
    void shouldAcceptTheTokenAsAWebSocketSubprotocolOnThePushPathOnly() {
        Authenticator sessions = request -> Optional.empty();
        Authenticator wallboard = WallboardAuthenticator.of(sessions, Optional.of(FakeWallboard.TOKEN), "/ws");
        assertThat(wallboard.authenticate(upgrade("/ws", "hotline.wallboard, bearer." + FakeWallboard.TOKEN)))
                .contains(WallboardAccess.TOKEN_USER);
        assertThat(wallboard.authenticate(upgrade("/ws", "hotline.wallboard, bearer.wrong-token-0123456789abc")))
                .isEmpty();
        assertThat(wallboard.authenticate(upgrade("/api/other", "bearer." + FakeWallboard.TOKEN))).isEmpty();
        // and without a token the people's authenticator is used as it is
        assertThat(WallboardAuthenticator.of(sessions, Optional.empty(), "/ws")).isSameAs(sessions);
    }

    private static RouteRequest upgrade(String path, String protocols) {
        HttpHeaders headers = new DefaultHttpHeaders().set("Sec-WebSocket-Protocol", protocols);
        return RouteRequest.of(HttpMethod.GET, path, headers, new byte[0]);
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + address.getPort() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
