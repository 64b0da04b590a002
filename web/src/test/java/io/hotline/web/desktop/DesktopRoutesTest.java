package io.hotline.web.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.ladder.Tier;
import io.hotline.web.HttpServer;
import io.hotline.web.WebConfig;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.HttpRequestObserver;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.RouteRequest;
import io.hotline.web.push.PushMessage;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * The desktop endpoints over a real loopback server: who may call what (agent on their own seat and on work orders
 * offered to or owned by it, supervisors and admins on any, duty managers on nothing), what goes to the backend,
 * and how its answers become replies.
 */
class DesktopRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, AuthenticatedUser> USERS = Map.of(
            "s101", new AuthenticatedUser("li.wei", Set.of("agent"), "S101", null),
            "s102", new AuthenticatedUser("wang.fang", Set.of("agent"), "S102", null),
            "super", new AuthenticatedUser("zhao.lei", Set.of("supervisor"), null, null),
            "admin", new AuthenticatedUser("root", Set.of("admin"), null, null),
            "duty", new AuthenticatedUser("chen.jie", Set.of("duty-manager"), null, "SH"));

    private final FakeDesktopBackend backend = new FakeDesktopBackend();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private HttpServer server;
    private InetSocketAddress address;

    @BeforeEach
    void start() {
        backend.seats.put("S101", FakeDesktopBackend.seatCard("S101"));
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
    void shouldShowTheAgentTheirUserSeatAndScreenPop() throws Exception {
        HttpResponse<String> response = send("GET", "/api/desktop", "s101", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/user/login").asText()).isEqualTo("li.wei");
        assertThat(body.at("/user/role").asText()).isEqualTo("agent");
        assertThat(body.at("/user/seat").asText()).isEqualTo("S101");
        assertThat(body.at("/seat/state").asText()).isEqualTo("READY");
        assertThat(body.at("/seat/tier").asText()).isEqualTo("TIER1");
        assertThat(body.at("/seat/since").asText()).isEqualTo("2026-12-07T09:00:02.120Z");
        assertThat(body.at("/screenPop/phase").asText()).isEqualTo("offered");
    }

    @Test
    void shouldRefuseTheDesktopToDutyManagersAndStrangers() throws Exception {
        assertThat(send("GET", "/api/desktop", "duty", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/desktop", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/desktop", "expired", null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswer503StartingUntilTheDeskIsLoaded() throws Exception {
        backend.ready = false;

        HttpResponse<String> response = send("GET", "/api/desktop", "s101", null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("starting");
    }

    @Test
    void shouldSendTheAgentsNotReadyWithItsReasonAndAnswerWithTheSeat() throws Exception {
        HttpResponse<String> response = send("POST", "/api/seat/not-ready", "s101", "{\"reason\":\"lunch\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("accepted").asBoolean()).isTrue();
        assertThat(body.at("/seat/state").asText()).isEqualTo("NOT_READY");
        assertThat(body.at("/seat/reason").asText()).isEqualTo("lunch");
        assertThat(backend.seatRequests).containsExactly("S101 NOT_READY lunch");
    }

    @Test
    void shouldSendEachSeatActionForTheAgentsOwnSeatOnly() throws Exception {
        for (String path : new String[] {"login", "logout", "ready", "wrap-up-done"}) {
            assertThat(send("POST", "/api/seat/" + path, "s102", "").statusCode()).isEqualTo(200);
        }
        assertThat(send("POST", "/api/seat/ready", "super", "").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/seat/ready", "duty", "").statusCode()).isEqualTo(403);

        assertThat(backend.seatRequests).containsExactly("S102 LOGIN", "S102 LOGOUT", "S102 READY",
                "S102 WRAP_UP_DONE");
    }

    @Test
    void shouldAnswer400ForABadSeatRequestAnd409WithTheEnginesWordsForARefusal() throws Exception {
        assertThat(send("POST", "/api/seat/not-ready", "s101", "{}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/seat/not-ready", "s101", "lunch").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/seat/not-ready", "s101", "{\"reason\":7}").statusCode()).isEqualTo(400);
        backend.refusal = "seat S101 is logged out";

        HttpResponse<String> refused = send("POST", "/api/seat/ready", "s101", "");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body())).isEqualTo(JSON.readTree(
                "{\"error\":\"refused\",\"message\":\"seat S101 is logged out\"}"));
        assertThat(backend.seatRequests).containsExactly("S101 READY");
    }

    @Test
    void shouldAnswer503WhenRoutingCannotTakeTheRequest() throws Exception {
        backend.full = true;

        assertThat(send("POST", "/api/seat/ready", "s101", "").statusCode()).isEqualTo(503);
    }

    @Test
    void shouldSearchTheKnowledgeBase() throws Exception {
        String query = URLEncoder.encode("过账", StandardCharsets.UTF_8);
        HttpResponse<String> response = send("GET", "/api/knowledge?q=" + query + "&product=finance&limit=5",
                "s101", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode hit = JSON.readTree(response.body()).at("/hits/0");
        assertThat(hit.get("id").asText()).isEqualTo("KB-0012");
        assertThat(hit.get("snippet").asText()).isEqualTo("...<mark>过账</mark>...");
        assertThat(hit.get("product").asText()).isEqualTo("finance");
        assertThat(backend.searches).containsExactly("过账 finance 5");
        assertThat(send("GET", "/api/knowledge", "s101", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/knowledge?q=x&limit=0", "s101", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/knowledge?q=x", "duty", null).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldShowAWorkOrderToItsOwnerAndSupervisorsOnly() throws Exception {
        HttpResponse<String> owner = call("GET", "/api/work-orders/42", "s101", "");
        assertThat(owner.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(owner.body());
        assertThat(body.get("id").asLong()).isEqualTo(42);
        assertThat(body.get("callId").asText()).isEqualTo("1733562902.17");
        assertThat(body.get("owner").asText()).isEqualTo("S101");
        assertThat(body.at("/customer/id").asLong()).isEqualTo(7);
        assertThat(body.at("/clocks/response/state").asText()).isEqualTo("STOPPED");
        assertThat(body.at("/clocks/response/metAt").asText()).isEqualTo("2026-12-07T09:13:32.120Z");
        assertThat(body.at("/clocks/resolution/state").asText()).isEqualTo("RUNNING");
        assertThat(body.at("/clocks/resolution/remainingSeconds").asLong()).isEqualTo(14_320);
        assertThat(body.at("/trail/0/action").asText()).isEqualTo("OPENED");
        assertThat(body.at("/trail/0/actor").asText()).isEqualTo("system");

        assertThat(call("GET", "/api/work-orders/42", "s102", "").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/work-orders/42", "duty", "").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/work-orders/42", "super", "").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/work-orders/43", "admin", "").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/work-orders/44", "super", "").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldLetAnAgentActOnTheWorkOrderOfTheCallOfferedToTheirSeat() throws Exception {
        assertThat(call("POST", "/api/work-orders/43/waiting", "s102", "{\"reason\":\"log files\"}").statusCode())
                .isEqualTo(403);
        backend.seats.put("S102", FakeDesktopBackend.seatCard("S102").withCall(new SeatCard.SeatCall("1733562902.17",
                43L, Instant.parse("2026-12-07T09:15:00Z"), false)));

        HttpResponse<String> reply = call("POST", "/api/work-orders/43/waiting", "s102", "{\"reason\":\"log files\"}");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(backend.actions).containsExactly(new WorkOrderAction.Waiting(43, Actor.seat("S102"),
                "log files"));
    }

    @Test
    void shouldLetAnAgentSeeTheWorkOrderOfACallOfferedBeforeRoutingKnewItsWorkOrder() throws Exception {
        backend.seats.put("S102", FakeDesktopBackend.seatCard("S102").withCall(new SeatCard.SeatCall("1733562902.17",
                null, Instant.parse("2026-12-07T09:15:00Z"), false)));

        assertThat(call("GET", "/api/work-orders/43", "s102", "").statusCode()).isEqualTo(200);
        backend.seats.put("S102", FakeDesktopBackend.seatCard("S102").withCall(new SeatCard.SeatCall("other.1",
                null, Instant.parse("2026-12-07T09:15:00Z"), false)));
        assertThat(call("GET", "/api/work-orders/43", "s102", "").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldEscalateAsThePersonWithTheReasonAndRefuseABadBody() throws Exception {
        HttpResponse<String> reply = call("POST", "/api/work-orders/42/escalate", "s101",
                "{\"to\":\"TIER2\",\"reason\":\"needs a senior\"}");
        HttpResponse<String> onSite = call("POST", "/api/work-orders/42/escalate", "super",
                "{\"to\":\"ON_SITE\",\"reason\":\"server room\",\"site\":\"张江路 88 号\"}");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(onSite.statusCode()).isEqualTo(200);
        assertThat(backend.actions).containsExactly(
                new WorkOrderAction.Escalate(42, Actor.seat("S101"), Tier.TIER2, "needs a senior", null),
                new WorkOrderAction.Escalate(42, Actor.supervisor("zhao.lei"), Tier.ON_SITE, "server room",
                        "张江路 88 号"));
        for (String bad : new String[] {"{\"to\":\"TIER2\"}", "{\"to\":\"TIER9\",\"reason\":\"r\"}",
            "{\"to\":\"ON_SITE\",\"reason\":\"r\"}", "{\"to\":\"TIER2\",\"reason\":\"r\",\"site\":\"s\"}", "[]"}) {
            assertThat(call("POST", "/api/work-orders/42/escalate", "s101", bad).statusCode()).as(bad)
                    .isEqualTo(400);
        }
        assertThat(backend.actions).hasSize(2);
    }

    @Test
    void shouldAnswer409WithTheDesksWordsWhenItRefuses() throws Exception {
        backend.refusal = "work order 42 is resolved";

        HttpResponse<String> reply = call("POST", "/api/work-orders/42/resolve", "s101",
                "{\"resolution\":\"re-posted\",\"article\":{\"title\":\"Posting fails\",\"symptoms\":\"...\"}}");

        assertThat(reply.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(reply.body()).get("message").asText()).isEqualTo("work order 42 is resolved");
        assertThat(backend.actions).containsExactly(new WorkOrderAction.Resolve(42, Actor.seat("S101"), "re-posted",
                "Posting fails", "..."));
    }

    @Test
    void shouldUpdateTheSeverityOnlyWithAReasonAndTransferAndResume() throws Exception {
        assertThat(call("POST", "/api/work-orders/42", "s101", "{\"severity\":\"P1\"}").statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/api/work-orders/42", "s101", "{\"severity\":\"P1\",\"reason\":\"line down\"}")
                .statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/work-orders/42/transfer", "s101", "{\"queue\":\"support-en\",\"reason\":\"r\"}")
                .statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/work-orders/42/resume", "s101", "").statusCode()).isEqualTo(200);

        assertThat(backend.actions).extracting(action -> action.getClass().getSimpleName())
                .containsExactly("Update", "Transfer", "Resume");
    }

    @Test
    void shouldGreetADesktopWithTheDesktopOnceReadyAndNobodyElse() {
        List<PushMessage> hello = DesktopRoutes.greeter(backend).greet(USERS.get("s101"));

        assertThat(hello).hasSize(1);
        assertThat(hello.get(0).type()).isEqualTo("hello");
        assertThat(hello.get(0).data().toString()).contains("seat=S101", "state=READY", "phase=offered");
        assertThat(DesktopRoutes.greeter(backend).greet(USERS.get("duty"))).isEmpty();
        backend.ready = false;
        assertThat(DesktopRoutes.greeter(backend).greet(USERS.get("s101"))).isEmpty();
    }

    @Test
    void shouldReadTheWorkOrderIdFromThePathOnly() {
        assertThat(DesktopRoutes.workOrderId(request("/api/work-orders/42"))).hasValue(42);
        assertThat(DesktopRoutes.workOrderId(request("/api/work-orders/42/escalate"))).hasValue(42);
        assertThat(DesktopRoutes.workOrderId(request("/api/work-orders/042"))).isEmpty();
        assertThat(DesktopRoutes.workOrderId(request("/api/work-orders/x"))).isEmpty();
        assertThat(DesktopRoutes.workOrderId(request("/api/work-orders/99999999999999999999"))).isEmpty();
    }

    private static RouteRequest request(String path) {
        return RouteRequest.of(HttpMethod.GET, path, new DefaultHttpHeaders(), new byte[0]);
    }

    /** Sends the request over the loopback server as the user with {@code token}. */
    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return send(method, path, token, method.equals("GET") ? null : body);
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
