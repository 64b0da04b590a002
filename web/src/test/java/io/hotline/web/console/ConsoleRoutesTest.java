package io.hotline.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.field.FieldEvent;
import io.hotline.web.HttpServer;
import io.hotline.web.WebConfig;
import io.hotline.web.auth.AuditedRoutes;
import io.hotline.web.auth.PersonAuditEvent;
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
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The duty manager's console over a real loopback server with {@link FakeConsoleBackend}: who may see and do what
 * (a duty manager on their own branch's orders only, supervisors and admins on all, agents on nothing, nobody
 * without a session), what goes to the backend, the JSON of the orders, and how bad bodies, refusals and a busy
 * backend are answered.
 */
class ConsoleRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-07T09:15:02.120Z");
    private static final Map<String, AuthenticatedUser> USERS = Map.of(
            "duty", new AuthenticatedUser("chen.jie", Set.of("duty-manager"), null, "B01"),
            "duty2", new AuthenticatedUser("wu.min", Set.of("duty-manager"), null, "B02"),
            "nobranch", new AuthenticatedUser("lost", Set.of("duty-manager"), null, null),
            "super", new AuthenticatedUser("zhao.lei", Set.of("supervisor"), null, null),
            "admin", new AuthenticatedUser("root", Set.of("admin"), null, null),
            "agent", new AuthenticatedUser("li.wei", Set.of("agent"), "S101", null));
    /** Every action on order 101 (B01's), with a body it would accept. */
    private static final List<String[]> ACTIONS = List.of(
            new String[] {"/acknowledge", "{}"},
            new String[] {"/assign", "{\"engineer\":\"E01\"}"},
            new String[] {"/appointment", "{\"at\":\"2026-12-07T09:30:00Z\"}"},
            new String[] {"/follow-up", "{\"satisfaction\":4,\"comment\":\"good\"}"},
            new String[] {"/follow-up/call", null});

    private final FakeConsoleBackend backend = new FakeConsoleBackend(InstantSource.fixed(NOW));
    private final List<PersonAuditEvent> audited = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private HttpServer server;
    private InetSocketAddress address;

    @BeforeEach
    void start() {
        HttpRoutes routes = AuditedRoutes.of(ConsoleRoutes.register(HttpRoutes.builder(), backend).build(),
                audited::add, InstantSource.fixed(NOW));
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
    void shouldShowTheDutyManagerTheirBranchWithItsEngineersAndOrdersAndClocks() throws Exception {
        // when the duty manager of B01 opens the console
        HttpResponse<String> response = send("GET", "/api/console", "duty", null);

        // then it is B01's, with its engineers and the orders it holds, by number
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode console = JSON.readTree(response.body());
        assertThat(console.at("/branch/code").asText()).isEqualTo("B01");
        assertThat(console.at("/branch/name").asText()).isEqualTo("浦东分公司");
        assertThat(console.at("/branch/location/lat").asDouble()).isEqualTo(31.22);
        assertThat(console.get("branches")).extracting(branch -> branch.get("code").asText()).containsExactly("B01");
        assertThat(console.get("engineers")).extracting(engineer -> engineer.get("code").asText())
                .containsExactly("E01", "E02", "E03");
        assertThat(console.at("/engineers/2/active").asBoolean()).isFalse();
        assertThat(console.get("orders")).extracting(order -> order.get("id").asLong())
                .containsExactly(101L, 102L, 103L);
        assertThat(console.get("now").asText()).isEqualTo("2026-12-07T09:15:02.120Z");

        // and each order's running clock: the acknowledgement, the assignment, the follow-up
        JsonNode sent = console.at("/orders/0");
        assertThat(sent.get("state").asText()).isEqualTo("SENT");
        assertThat(sent.at("/clocks/acknowledge/dueAt").asText()).isEqualTo("2026-12-07T09:19:02.120Z");
        assertThat(sent.at("/clocks/acknowledge/remainingSeconds").asLong()).isEqualTo(240);
        assertThat(sent.at("/clocks/acknowledge/late").asBoolean()).isFalse();
        assertThat(sent.at("/clocks/assign").isNull()).isTrue();
        assertThat(sent.at("/site/location/lat").asDouble()).isEqualTo(31.204);
        assertThat(sent.at("/ranking/1/branch").asText()).isEqualTo("B02");
        assertThat(sent.at("/ranking/1/distanceKm").asDouble()).isEqualTo(165.2);
        assertThat(sent.at("/legs/0/sentAt").asText()).isEqualTo("2026-12-07T09:09:02.120Z");
        assertThat(console.at("/orders/1/clocks/assign/remainingSeconds").asLong()).isEqualTo(3 * 3600 - 300);
        assertThat(console.at("/orders/1/clocks/acknowledge").isNull()).isTrue();
        JsonNode completed = console.at("/orders/2");
        assertThat(completed.at("/clocks/followUp/remainingSeconds").asLong()).isEqualTo(300);
        assertThat(completed.at("/engineer/name").asText()).isEqualTo("Zhang Wei");
        assertThat(completed.at("/followUp/attempts").asInt()).isZero();
        assertThat(completed.get("completionNote").asText()).isEqualTo("replaced the printer's fuser");
    }

    @Test
    void shouldKeepDutyManagersToTheirBranchAndShowHeadquartersEveryBranch() throws Exception {
        assertThat(send("GET", "/api/console?branch=B02", "duty", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/console?branch=B01", "duty", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/console", "nobranch", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/console", "agent", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/console", null, null).statusCode()).isEqualTo(401);

        // a supervisor without ?branch: every branch's open orders, the unplaced one included
        JsonNode all = JSON.readTree(send("GET", "/api/console", "super", null).body());
        assertThat(all.get("branch").isNull()).isTrue();
        assertThat(all.get("branches")).extracting(branch -> branch.get("code").asText())
                .containsExactly("B01", "B02");
        assertThat(all.get("orders")).extracting(order -> order.get("id").asLong())
                .containsExactly(101L, 102L, 103L, 201L, 301L);
        assertThat(all.at("/orders/4/branch").isNull()).isTrue();
        assertThat(all.at("/orders/4/site/location").isNull()).isTrue();
        assertThat(all.get("engineers")).hasSize(4);

        // an admin with ?branch: that branch's
        JsonNode b02 = JSON.readTree(send("GET", "/api/console?branch=B02", "admin", null).body());
        assertThat(b02.at("/branch/code").asText()).isEqualTo("B02");
        assertThat(b02.get("orders")).extracting(order -> order.get("id").asLong()).containsExactly(201L);
        assertThat(b02.get("engineers")).extracting(engineer -> engineer.get("code").asText())
                .containsExactly("E10");
        assertThat(send("GET", "/api/console?branch=B99", "admin", null).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldShowAnOrderWithItsTrailAndSmsToWhoMaySeeIt() throws Exception {
        HttpResponse<String> response = send("GET", "/api/dispatch/101", "duty", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode order = JSON.readTree(response.body());
        assertThat(order.get("id").asLong()).isEqualTo(101);
        assertThat(order.at("/trail/0/step").asText()).isEqualTo("SENT");
        assertThat(order.at("/trail/0/actor").asText()).isEqualTo("system");
        assertThat(order.at("/trail/1/actor").asText()).isEqualTo("chen.jie");
        assertThat(order.at("/trail/1/actorKind").asText()).isEqualTo("DUTY_MANAGER");
        assertThat(order.at("/sms/0/direction").asText()).isEqualTo("OUT");
        assertThat(order.at("/sms/1/text").asText()).isEqualTo("ARRIVE 101");
        assertThat(order.at("/sms/1/at").asText()).isEqualTo("2026-12-07T09:11:02.120Z");

        assertThat(send("GET", "/api/dispatch/201", "duty", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/dispatch/201", "duty2", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/dispatch/301", "duty", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/dispatch/301", "super", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/dispatch/101", "admin", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/dispatch/101", "agent", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/dispatch/101", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/dispatch/999", "duty", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/dispatch/0101", "duty", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/dispatch/abc", "super", null).statusCode()).isEqualTo(404);

        backend.full = true;
        assertThat(send("GET", "/api/dispatch/101", "duty", null).statusCode()).isEqualTo(503);
    }

    @Test
    void shouldRefuseEveryActionToAgentsOtherBranchesAndAnonymousAndLetOwnersAndHeadquartersAct() throws Exception {
        for (String[] action : ACTIONS) {
            String path = "/api/dispatch/" + FakeConsoleBackend.SENT + action[0];
            for (String token : List.of("agent", "duty2", "nobranch")) {
                HttpResponse<String> response = send("POST", path, token, action[1]);
                assertThat(response.statusCode()).as(path + " by " + token).isEqualTo(403);
                assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("forbidden");
            }
            assertThat(send("POST", path, null, action[1]).statusCode()).as(path).isEqualTo(401);
            assertThat(send("POST", "/api/dispatch/999" + action[0], "super", action[1]).statusCode()).as(path)
                    .isEqualTo(404);
        }
        assertThat(backend.events).isEmpty();
        assertThat(backend.calls).isEmpty();

        // the backend refuses everything, so that each role's request reaches it and the order stays as it is
        backend.refusal = "not now";
        for (String[] action : ACTIONS) {
            String path = "/api/dispatch/" + FakeConsoleBackend.SENT + action[0];
            for (String token : List.of("duty", "super", "admin")) {
                assertThat(send("POST", path, token, action[1]).statusCode()).as(path + " by " + token)
                        .isEqualTo(409);
            }
        }
        assertThat(backend.events).hasSize(12);
        assertThat(backend.calls).containsExactly("101 chen.jie", "101 zhao.lei", "101 root");
    }

    @Test
    void shouldAcknowledgeAssignAndBookAsTheDutyManager() throws Exception {
        HttpResponse<String> acknowledged = send("POST", "/api/dispatch/101/acknowledge", "duty", null);
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        JsonNode order = JSON.readTree(acknowledged.body());
        assertThat(order.get("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(order.at("/clocks/assign/dueAt").asText()).isEqualTo("2026-12-07T13:15:02.120Z");
        assertThat(order.at("/legs/0/acknowledgedAt").asText()).isEqualTo("2026-12-07T09:15:02.120Z");

        assertThat(send("POST", "/api/dispatch/101/assign", "duty", "{\"engineer\":\"E01\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> reassigned = send("POST", "/api/dispatch/101/assign", "duty",
                "{\"engineer\":\"E02\",\"reason\":\"E01 is ill\"}");
        assertThat(JSON.readTree(reassigned.body()).at("/engineer/code").asText()).isEqualTo("E02");
        HttpResponse<String> booked = send("POST", "/api/dispatch/101/appointment", "duty",
                "{\"at\":\"2026-12-07T09:30:00Z\"}");
        assertThat(booked.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(booked.body()).get("appointmentAt").asText()).isEqualTo("2026-12-07T09:30:00.000Z");

        Actor chen = new Actor(ActorKind.DUTY_MANAGER, "chen.jie");
        assertThat(backend.events).containsExactly(new FieldEvent.Acknowledged(101, chen),
                new FieldEvent.EngineerAssigned(101, chen, "E01", null),
                new FieldEvent.EngineerAssigned(101, chen, "E02", "E01 is ill"),
                new FieldEvent.AppointmentBooked(101, chen, Instant.parse("2026-12-07T09:30:00Z")));
        // duty managers' requests are recorded by the order's trail, not by the person audit
        assertThat(audited).isEmpty();
    }

    @Test
    void shouldRecordTheFollowUpOrTheUnreachableCustomerAndCallAsTheCaller() throws Exception {
        HttpResponse<String> unreachable = send("POST", "/api/dispatch/103/follow-up", "duty",
                "{\"unreachable\":true}");
        assertThat(unreachable.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(unreachable.body()).at("/followUp/attempts").asInt()).isEqualTo(1);
        HttpResponse<String> recorded = send("POST", "/api/dispatch/103/follow-up", "super",
                "{\"satisfaction\":4,\"comment\":\"quick and tidy\"}");
        JsonNode closed = JSON.readTree(recorded.body());
        assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.at("/score/total").asInt()).isEqualTo(80);
        assertThat(closed.at("/followUp/satisfaction").asInt()).isEqualTo(4);
        assertThat(backend.events).containsExactly(
                new FieldEvent.FollowUpRecorded(103, new Actor(ActorKind.DUTY_MANAGER, "chen.jie"), null, null, true),
                new FieldEvent.FollowUpRecorded(103, Actor.supervisor("zhao.lei"), 4, "quick and tidy", false));

        assertThat(send("POST", "/api/dispatch/103/follow-up/call", "duty", null).statusCode()).isEqualTo(200);
        backend.refusal = "AMI is not connected";
        HttpResponse<String> refused = send("POST", "/api/dispatch/103/follow-up/call", "duty", null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body())).isEqualTo(JSON.readTree(
                "{\"error\":\"refused\",\"message\":\"AMI is not connected\"}"));
        assertThat(backend.calls).containsExactly("103 chen.jie", "103 chen.jie");
        // the supervisor's follow-up is audited, the duty manager's not
        assertThat(audited).extracting(PersonAuditEvent::login, PersonAuditEvent::action, PersonAuditEvent::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("zhao.lei", "dispatch_follow_up", "200"));
    }

    @Test
    void shouldLetOnlyHeadquartersPlaceAnOrderByHand() throws Exception {
        String body = "{\"branch\":\"B02\",\"reason\":\"B01 has nobody on duty\"}";
        assertThat(send("POST", "/api/dispatch/301/place", "duty", body).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/dispatch/101/place", "duty", body).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/dispatch/301/place", "agent", body).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/dispatch/301/place", null, body).statusCode()).isEqualTo(401);
        assertThat(backend.events).isEmpty();

        HttpResponse<String> placed = send("POST", "/api/dispatch/301/place", "admin", body);
        assertThat(placed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(placed.body()).get("branch").asText()).isEqualTo("B02");
        assertThat(JSON.readTree(placed.body()).get("branchName").asText()).isEqualTo("杭州分公司");
        assertThat(backend.events).containsExactly(new FieldEvent.PlacedByHand(301, Actor.supervisor("root"), "B02",
                "B01 has nobody on duty"));
        assertThat(audited).extracting(PersonAuditEvent::action).containsExactly("dispatch_place");
        // now B02 holds it: its duty manager may see it
        assertThat(send("GET", "/api/dispatch/301", "duty2", null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswer400ForBadBodies() throws Exception {
        List<String[]> bad = List.of(
                new String[] {"/101/acknowledge", "[1]"},
                new String[] {"/101/acknowledge", "not json"},
                new String[] {"/101/assign", "{}"},
                new String[] {"/101/assign", "{\"engineer\":\"  \"}"},
                new String[] {"/101/assign", "{\"engineer\":7}"},
                new String[] {"/101/assign", "{\"engineer\":\"E01\",\"reason\":5}"},
                new String[] {"/101/appointment", "{}"},
                new String[] {"/101/appointment", "{\"at\":\"tomorrow 9:30\"}"},
                new String[] {"/101/appointment", "{\"at\":\"2026-12-07T09:30\"}"},
                new String[] {"/103/follow-up", "{}"},
                new String[] {"/103/follow-up", "{\"satisfaction\":0}"},
                new String[] {"/103/follow-up", "{\"satisfaction\":6}"},
                new String[] {"/103/follow-up", "{\"satisfaction\":\"4\"}"},
                new String[] {"/103/follow-up", "{\"satisfaction\":3.5}"},
                new String[] {"/103/follow-up", "{\"satisfaction\":4,\"comment\":[]}"},
                new String[] {"/103/follow-up", "{\"unreachable\":\"yes\"}"},
                new String[] {"/103/follow-up", "{\"unreachable\":true,\"satisfaction\":3}"},
                new String[] {"/103/follow-up", "{\"unreachable\":false}"},
                new String[] {"/301/place", "{\"branch\":\"B02\"}"},
                new String[] {"/301/place", "{\"reason\":\"nobody\"}"});
        for (String[] request : bad) {
            HttpResponse<String> response = send("POST", "/api/dispatch" + request[0], "super", request[1]);
            assertThat(response.statusCode()).as(request[0] + " " + request[1]).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.get("error").asText()).isEqualTo("bad_request");
            assertThat(error.get("message").asText()).as(request[0] + " " + request[1]).isNotBlank();
        }
        assertThat(backend.events).isEmpty();
    }

    @Test
    void shouldAnswer409WithTheDesksWordsAnd503WhenItCannotTakeTheRequest() throws Exception {
        HttpResponse<String> refused = send("POST", "/api/dispatch/101/assign", "duty", "{\"engineer\":\"E03\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("message").asText())
                .isEqualTo("engineer E03 is not an active engineer of B01");

        backend.full = true;
        assertThat(send("POST", "/api/dispatch/101/acknowledge", "duty", null).statusCode()).isEqualTo(503);
        backend.full = false;
        backend.ready = false;
        for (String path : List.of("/api/console", "/api/dispatch/101")) {
            HttpResponse<String> starting = send("GET", path, "duty", null);
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(starting.body()).get("error").asText()).isEqualTo("starting");
        }
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
