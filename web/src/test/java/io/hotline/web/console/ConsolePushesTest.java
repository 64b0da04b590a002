package io.hotline.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hotline.routing.field.FieldCommand;
import io.hotline.web.HttpServer;
import io.hotline.web.WebConfig;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.HttpRequestObserver;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.push.Greeter;
import io.hotline.web.push.PushClient;
import io.hotline.web.push.PushClients;
import io.hotline.web.push.PushHub;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's pushes through a real push hub to real WebSocket clients: who hears a dispatch order's change, a
 * follow-up's reminder and headquarters' alert (a branch's duty managers by the order's legs, supervisors and
 * admins always, agents never), once per connection, in the shapes of docs/api.md.
 */
class ConsolePushesTest {
    private static final Instant NOW = Instant.parse("2026-12-07T09:15:02.120Z");
    private static final Map<String, AuthenticatedUser> USERS = new LinkedHashMap<>();

    static {
        USERS.put("chen", new AuthenticatedUser("chen.jie", Set.of("duty-manager"), null, "B01"));
        USERS.put("wu", new AuthenticatedUser("wu.min", Set.of("duty-manager"), null, "B02"));
        USERS.put("super", new AuthenticatedUser("zhao.lei", Set.of("supervisor"), null, null));
        USERS.put("both", new AuthenticatedUser("root", Set.of("supervisor", "admin"), null, null));
        USERS.put("agent", new AuthenticatedUser("li.wei", Set.of("agent"), "S101", null));
    }

    private final FakeConsoleBackend backend = new FakeConsoleBackend(InstantSource.fixed(NOW));
    private final PushClients clients = new PushClients(1);
    private final Map<String, PushClient> connected = new LinkedHashMap<>();
    private PushHub hub;
    private ConsolePushes pushes;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        hub = new PushHub(user -> Optional.ofNullable(user.seatId()), Greeter.NONE);
        pushes = new ConsolePushes(hub, backend);
        Authenticator authenticator = request -> Optional.ofNullable(request.headers().get("Authorization"))
                .map(header -> USERS.get(header.replace("Bearer ", "")));
        server = new HttpServer(WebConfig.of("127.0.0.1", 0), HttpRoutes.builder().build(), authenticator,
                HttpRequestObserver.NO_OP, hub);
        InetSocketAddress bound = server.start();
        URI uri = URI.create("ws://127.0.0.1:" + bound.getPort() + "/ws");
        for (String token : USERS.keySet()) {
            connected.put(token, clients.connectWithBearer(uri, token, message -> { }).get(5, TimeUnit.SECONDS));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.connections() == USERS.size());
    }

    @AfterEach
    void stop() {
        clients.close();
        server.close();
    }

    @Test
    void shouldPushADispatchToTheDutyManagersOfEveryBranchItWentToAndToHeadquartersOnce() {
        // when order 201 (sent to B01, expired, now at B02) changes
        int reached = pushes.dispatchChanged(backend.order(FakeConsoleBackend.OTHER_BRANCH).orElseThrow());

        // then both branches' duty managers hear it (B01's to see it leave), and headquarters once each
        assertThat(reached).isEqualTo(4);
        awaitMessages("dispatch", List.of("chen", "wu", "super", "both"));
        JsonNode data = connected.get("wu").messages("dispatch").get(0).data();
        assertThat(data.get("id").asLong()).isEqualTo(201);
        assertThat(data.get("branch").asText()).isEqualTo("B02");
        assertThat(data.at("/clocks/acknowledge/remainingSeconds").asLong()).isEqualTo(300);

        // and an order only B01 ever held reaches only B01 and headquarters
        assertThat(pushes.dispatchChanged(backend.order(FakeConsoleBackend.SENT).orElseThrow())).isEqualTo(3);
    }

    @Test
    void shouldRemindTheBranchOfTheFollowUpAndAlertHeadquartersAndTheHoldingBranch() {
        int reminded = pushes.followUpDue(new FieldCommand.FollowUpDue(FakeConsoleBackend.COMPLETED, "B01",
                "02164440000", 2, NOW));
        int alerted = pushes.headquartersAlert(new FieldCommand.HeadquartersAlert(FakeConsoleBackend.OTHER_BRANCH,
                "REDISPATCHED", "B01 did not acknowledge in 10 minutes", NOW));
        int unplaced = pushes.headquartersAlert(new FieldCommand.HeadquartersAlert(FakeConsoleBackend.UNPLACED,
                "UNPLACED", "no branch on duty covers east", NOW));

        assertThat(List.of(reminded, alerted, unplaced)).containsExactly(3, 3, 2);
        awaitMessages("follow_up_due", List.of("chen", "super", "both"));
        JsonNode reminder = connected.get("chen").messages("follow_up_due").get(0).data();
        assertThat(reminder.get("workOrderId").asLong()).isEqualTo(103);
        assertThat(reminder.get("attempt").asInt()).isEqualTo(2);
        assertThat(reminder.get("contactNumber").asText()).isEqualTo("02164440000");
        assertThat(reminder.get("dueAt").asText()).isEqualTo("2026-12-07T09:15:02.120Z");
        await().atMost(Duration.ofSeconds(5)).until(() -> connected.get("super").messages("hq_alert").size() == 2);
        assertThat(connected.get("wu").messages("hq_alert")).hasSize(1);
        JsonNode alert = connected.get("wu").messages("hq_alert").get(0).data();
        assertThat(alert.get("kind").asText()).isEqualTo("REDISPATCHED");
        assertThat(alert.get("branch").asText()).isEqualTo("B02");
        assertThat(alert.get("text").asText()).isEqualTo("B01 did not acknowledge in 10 minutes");
        assertThat(connected.get("chen").messages("hq_alert")).isEmpty();
        assertThat(connected.get("agent").messages()).isEmpty();
    }

    private void awaitMessages(String type, List<String> hearers) {
        await().atMost(Duration.ofSeconds(5)).until(() -> hearers.stream()
                .allMatch(token -> connected.get(token).messages(type).size() == 1));
        for (String token : USERS.keySet()) {
            assertThat(connected.get(token).messages(type)).as(token).hasSize(hearers.contains(token) ? 1 : 0);
        }
    }
}
