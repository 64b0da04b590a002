package io.hotline.web.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.seat.SeatState;
import io.hotline.web.HttpServer;
import io.hotline.web.WebConfig;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.HttpRequestObserver;
import io.hotline.web.http.HttpRoutes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisors' endpoints over a real loopback server: only supervisors and admins reach them (an agent and a
 * duty manager get 403 on every one), what goes to the backend, and how its answers become replies; and the agent
 * calls added with them (a callback on the agent's own work order).
 */
class SupervisorRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, AuthenticatedUser> USERS = Map.of(
            "s101", new AuthenticatedUser("li.wei", Set.of("agent"), "S101", null),
            "s102", new AuthenticatedUser("wang.fang", Set.of("agent"), "S102", null),
            "super", new AuthenticatedUser("zhao.lei", Set.of("supervisor"), null, null),
            "admin", new AuthenticatedUser("root", Set.of("admin"), null, null),
            "duty", new AuthenticatedUser("chen.jie", Set.of("duty-manager"), null, "SH"));
    /** Every supervisors' route, with a body it would accept. */
    private static final List<String[]> SUPERVISOR_ROUTES = List.of(
            new String[] {"GET", "/api/supervisor/seats", null},
            new String[] {"GET", "/api/supervisor/work-orders", null},
            new String[] {"POST", "/api/seats/S102/state", "{\"state\":\"READY\"}"},
            new String[] {"POST", "/api/work-orders/42/reassign", "{\"seat\":\"S102\",\"reason\":\"vacation\"}"},
            new String[] {"POST", "/api/supervisor/monitor", "{\"seat\":\"S101\",\"mode\":\"listen\"}"},
            new String[] {"GET", "/api/callbacks", null});

    private final FakeDesktopBackend backend = new FakeDesktopBackend();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private HttpServer server;
    private InetSocketAddress address;

    @BeforeEach
    void start() {
        backend.seats.put("S101", FakeDesktopBackend.seatCard("S101").withState(SeatState.ON_CALL, null,
                FakeDesktopBackend.NOW.minusSeconds(80)).withDevice(DeviceState.IN_USE).withCall(
                new SeatCard.SeatCall("1733562902.17", 42L, FakeDesktopBackend.NOW.minusSeconds(75), true)));
        backend.seats.put("S102", FakeDesktopBackend.seatCard("S102"));
        backend.workOrders.put(42L, FakeDesktopBackend.workOrder(42, "S101"));
        backend.workOrders.put(43L, FakeDesktopBackend.workOrder(43, null));
        HttpRoutes routes = DesktopRoutes.register(HttpRoutes.builder(), backend).build();
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
    void shouldRefuseEverySupervisorsRouteToAgentsAndDutyManagersAndAnswerSupervisorsAndAdmins() throws Exception {
        for (String[] route : SUPERVISOR_ROUTES) {
            for (String token : List.of("s101", "s102", "duty")) {
                HttpResponse<String> response = send(route[0], route[1], token, route[2]);
                assertThat(response.statusCode()).as(route[0] + " " + route[1] + " by " + token).isEqualTo(403);
                assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("forbidden");
            }
            assertThat(send(route[0], route[1], null, route[2]).statusCode()).as(route[1]).isEqualTo(401);
        }
        assertThat(backend.seatRequests).isEmpty();
        assertThat(backend.actions).isEmpty();
        assertThat(backend.monitors).isEmpty();

        for (String[] route : SUPERVISOR_ROUTES) {
            for (String token : List.of("super", "admin")) {
                assertThat(send(route[0], route[1], token, route[2]).statusCode())
                        .as(route[0] + " " + route[1] + " by " + token).isEqualTo(200);
            }
        }
    }

    @Test
    void shouldShowEverySeatWithItsDeviceStateAndCurrentCallsDuration() throws Exception {
        HttpResponse<String> response = send("GET", "/api/supervisor/seats", "super", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode seats = JSON.readTree(response.body()).get("seats");
        assertThat(seats).hasSize(2);
        assertThat(seats.get(0).get("seat").asText()).isEqualTo("S101");
        assertThat(seats.get(0).get("state").asText()).isEqualTo("ON_CALL");
        assertThat(seats.get(0).get("deviceState").asText()).isEqualTo("IN_USE");
        assertThat(seats.get(0).at("/call/callId").asText()).isEqualTo("1733562902.17");
        assertThat(seats.get(0).at("/call/workOrderId").asLong()).isEqualTo(42);
        assertThat(seats.get(0).at("/call/seconds").asLong()).isEqualTo(75);
        assertThat(seats.get(1).get("seat").asText()).isEqualTo("S102");
        assertThat(seats.get(1).get("call").isNull()).isTrue();
    }

    @Test
    void shouldListOpenWorkOrdersWithTheirClocksAndNoTrail() throws Exception {
        HttpResponse<String> response = send("GET", "/api/supervisor/work-orders", "admin", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode orders = JSON.readTree(response.body()).get("workOrders");
        assertThat(orders).hasSize(2);
        assertThat(orders.get(0).get("id").asLong()).isEqualTo(42);
        assertThat(orders.get(0).at("/clocks/resolution/remainingSeconds").asLong()).isEqualTo(14_320);
        assertThat(orders.get(0).has("trail")).isFalse();
        assertThat(orders.get(1).get("id").asLong()).isEqualTo(43);
    }

    @Test
    void shouldSendTheSeatStateAsTheKeypadsEventsAndAnswerWithTheEnginesVerdict() throws Exception {
        assertThat(send("POST", "/api/seats/S102/state", "super", "{\"state\":\"NOT_READY\",\"reason\":\"coaching\"}")
                .statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/seats/S102/state", "super", "{\"state\":\"LOGGED_OUT\"}").statusCode())
                .isEqualTo(200);
        assertThat(backend.seatRequests).containsExactly("S102 NOT_READY coaching", "S102 LOGOUT");

        backend.refusal = "seat S102 is logged out";
        HttpResponse<String> refused = send("POST", "/api/seats/S102/state", "super", "{\"state\":\"READY\"}");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body())).isEqualTo(JSON.readTree(
                "{\"error\":\"refused\",\"message\":\"seat S102 is logged out\"}"));
    }

    @Test
    void shouldAnswer400ForABadSeatStateAnd404ForAnUnknownSeat() throws Exception {
        assertThat(send("POST", "/api/seats/S102/state", "super", "{\"state\":\"ON_CALL\"}").statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/api/seats/S102/state", "super", "{\"state\":\"NOT_READY\"}").statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/api/seats/S102/state", "super", "READY").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/seats/S999/state", "super", "{\"state\":\"READY\"}").statusCode())
                .isEqualTo(404);
        assertThat(backend.seatRequests).isEmpty();
    }

    @Test
    void shouldReassignAsTheSupervisorWithTheNewSeatAndReason() throws Exception {
        HttpResponse<String> response = send("POST", "/api/work-orders/43/reassign", "super",
                "{\"seat\":\"S102\",\"reason\":\"S101 is on leave\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("id").asLong()).isEqualTo(43);
        assertThat(backend.actions).containsExactly(new WorkOrderAction.Reassign(43, Actor.supervisor("zhao.lei"),
                "S102", "S101 is on leave"));
        assertThat(send("POST", "/api/work-orders/43/reassign", "super", "{\"seat\":\"S102\"}").statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/api/work-orders/99/reassign", "super", "{\"seat\":\"S102\",\"reason\":\"x\"}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAskTheMonitorForTheSupervisorAndAnswer409WithItsReason() throws Exception {
        HttpResponse<String> accepted = send("POST", "/api/supervisor/monitor", "super",
                "{\"seat\":\"S101\",\"mode\":\"whisper\"}");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(accepted.body()).get("mode").asText()).isEqualTo("whisper");
        assertThat(backend.monitors).containsExactly("zhao.lei S101 WHISPER");

        backend.refusal = "AMI is not connected";
        HttpResponse<String> refused = send("POST", "/api/supervisor/monitor", "super",
                "{\"seat\":\"S101\",\"mode\":\"barge\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("message").asText()).isEqualTo("AMI is not connected");
        assertThat(send("POST", "/api/supervisor/monitor", "super", "{\"seat\":\"S101\",\"mode\":\"spy\"}")
                .statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/supervisor/monitor", "super", "{\"seat\":\"S999\",\"mode\":\"listen\"}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void shouldListOpenCallbacksWithTheirAttempts() throws Exception {
        HttpResponse<String> response = send("GET", "/api/callbacks", "super", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode callback = JSON.readTree(response.body()).get("callbacks").get(0);
        assertThat(callback.get("workOrderId").asLong()).isEqualTo(42);
        assertThat(callback.get("attempts").asInt()).isEqualTo(1);
        assertThat(callback.get("lastOutcome").asText()).isEqualTo("NO_ANSWER");
        assertThat(callback.get("dueAt").asText()).isEqualTo("2026-12-07T09:25:02.120Z");

        backend.full = true;
        assertThat(send("GET", "/api/callbacks", "super", null).statusCode()).isEqualTo(503);
    }

    @Test
    void shouldScheduleACallbackOnTheAgentsOwnWorkOrderOnly() throws Exception {
        String body = "{\"at\":\"2026-12-07T14:00:00Z\",\"number\":\"02161234567\",\"note\":\"after lunch\"}";

        assertThat(send("POST", "/api/work-orders/42/callback", "s101", body).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/work-orders/42/callback", "s102", body).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/work-orders/42/callback", "duty", body).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/work-orders/43/callback", "super", body).statusCode()).isEqualTo(200);

        assertThat(backend.actions).containsExactly(
                new WorkOrderAction.ScheduleCallback(42, Actor.seat("S101"), Instant.parse("2026-12-07T14:00:00Z"),
                        "02161234567", "after lunch"),
                new WorkOrderAction.ScheduleCallback(43, Actor.supervisor("zhao.lei"),
                        Instant.parse("2026-12-07T14:00:00Z"), "02161234567", "after lunch"));
    }

    @Test
    void shouldAnswer400ForABadCallback() throws Exception {
        for (String body : List.of("{\"at\":\"tomorrow\",\"number\":\"021\"}", "{\"at\":\"2026-12-07T14:00:00Z\"}",
                "{\"at\":\"2026-12-07T14:00:00Z\",\"number\":\"call me\"}",
                "{\"at\":\"2026-12-07T14:00:00Z\",\"number\":\"021\",\"note\":3}")) {
            assertThat(send("POST", "/api/work-orders/42/callback", "s101", body).statusCode()).as(body)
                    .isEqualTo(400);
        }
        assertThat(backend.actions).isEmpty();
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort()
                + path)).timeout(Duration.ofSeconds(5)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
