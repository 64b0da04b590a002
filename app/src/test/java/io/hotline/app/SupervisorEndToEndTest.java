package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.desk.Origin;
import io.hotline.routing.workorder.Severity;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisors' side inside a whole Hotline without AMI, on the demo organisation, over HTTP with real
 * sessions: the board of seats and open work orders, a seat's state changed with routing's verdict, a work order
 * reassigned at the desk, a callback scheduled and listed from the database, and monitoring refused with the
 * reason; an agent is refused the board.
 */
class SupervisorEndToEndTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;
    private Hotline hotline;

    @AfterEach
    void stop() {
        if (hotline != null) {
            hotline.close();
        }
    }

    @Test
    void shouldLetASupervisorWatchAndSteerSeatsAndWorkOrders() throws Exception {
        // given Hotline, a supervisor with a phone and an agent of a tier-1 seat
        start();
        await().atMost(PATIENCE).until(hotline.desktop()::ready);
        String seat = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT code FROM seat WHERE active"
                + " AND tier = 'TIER1' ORDER BY id LIMIT 1").mapTo(String.class).one());
        String admin = token("admin", "first-admin-pass");
        assertThat(send("POST", "/api/admin/accounts", "{\"login\":\"boss\",\"role\":\"supervisor\",\"phone\":"
                + "\"PJSIP/2001\",\"displayName\":\"Boss\",\"password\":\"supervisor-pass\"}", admin).statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/api/admin/accounts", "{\"login\":\"agent1\",\"role\":\"agent\",\"seat\":\""
                + seat + "\",\"displayName\":\"Agent One\",\"password\":\"agent-one-pass\"}", admin).statusCode())
                .isEqualTo(201);
        String boss = token("boss", "supervisor-pass");
        String agent = token("agent1", "agent-one-pass");
        assertThat(send("GET", "/api/supervisor/seats", null, agent).statusCode()).isEqualTo(403);

        // when the supervisor readies the logged-out seat: routing refuses; once the agent logged in, not ready
        HttpResponse<String> refused = send("POST", "/api/seats/" + seat + "/state", "{\"state\":\"READY\"}", boss);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(send("POST", "/api/seat/login", "", agent).statusCode()).isEqualTo(200);
        HttpResponse<String> notReady = send("POST", "/api/seats/" + seat + "/state",
                "{\"state\":\"NOT_READY\",\"reason\":\"coaching\"}", boss);

        // then the board shows the seat as routing left it, its device state unknown without AMI
        assertThat(notReady.statusCode()).as(notReady.body()).isEqualTo(200);
        JsonNode board = JSON.readTree(send("GET", "/api/supervisor/seats", null, boss).body()).get("seats");
        JsonNode card = null;
        for (JsonNode one : board) {
            card = one.get("seat").asText().equals(seat) ? one : card;
        }
        assertThat(card).as("%s on the board", seat).isNotNull();
        assertThat(card.get("state").asText()).isEqualTo("NOT_READY");
        assertThat(card.get("reason").asText()).isEqualTo("coaching");
        assertThat(card.get("deviceState").asText()).isEqualTo("UNKNOWN");

        // and monitoring a seat on no call is refused with the reason
        HttpResponse<String> monitor = send("POST", "/api/supervisor/monitor", "{\"seat\":\"" + seat
                + "\",\"mode\":\"listen\"}", boss);
        assertThat(monitor.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(monitor.body()).get("message").asText()).contains("not on a call");

        // when a work order opened by hand for an e-mail is written, and the supervisor reassigns it to the seat
        List<DeskCommand> opened = hotline.desk().loop().ask(new DeskEvent.OpenedByHand(Actor.supervisor("boss"),
                Origin.EMAIL, CustomerProblem.UNKNOWN, Severity.P3, "e-mail: posting fails")).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        long written = opened.stream().filter(DeskCommand.WorkOrderOpened.class::isInstance)
                .map(command -> ((DeskCommand.WorkOrderOpened) command).workOrder().id()).findFirst().orElseThrow();
        await().atMost(PATIENCE).until(() -> DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM work_order WHERE id = :id").bind("id", written).mapTo(Integer.class).one()) == 1);
        JsonNode open = JSON.readTree(send("GET", "/api/supervisor/work-orders", null, boss).body()).get("workOrders");
        assertThat(open).as("the demo has open work orders").isNotEmpty();
        JsonNode target = null;
        for (JsonNode order : open) {
            target = order.get("id").asLong() == written ? order : target;
        }
        assertThat(target).as("work order %s on the board", written).isNotNull();
        assertThat(target.has("trail")).isFalse();
        long id = target.get("id").asLong();
        HttpResponse<String> reassigned = send("POST", "/api/work-orders/" + id + "/reassign", "{\"seat\":\"" + seat
                + "\",\"reason\":\"load balancing\"}", boss);
        HttpResponse<String> callback = send("POST", "/api/work-orders/" + id + "/callback",
                "{\"at\":\"2099-01-01T08:00:00Z\",\"number\":\"02161234567\",\"note\":\"ask for the log\"}", agent);

        // then the desk moved it, the agent (now its owner) scheduled the callback, and the list shows it
        assertThat(reassigned.statusCode()).as(reassigned.body()).isEqualTo(200);
        assertThat(JSON.readTree(reassigned.body()).get("owner").asText()).isEqualTo(seat);
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        assertThat(JSON.readTree(callback.body()).get("notes").asText()).contains("ask for the log");
        JsonNode callbacks = JSON.readTree(send("GET", "/api/callbacks", null, boss).body()).get("callbacks");
        assertThat(callbacks).anySatisfy(one -> {
            assertThat(one.get("workOrderId").asLong()).isEqualTo(id);
            assertThat(one.get("dueAt").asText()).isEqualTo("2099-01-01T08:00:00Z");
            assertThat(one.get("attempts").asInt()).isZero();
        });
    }

    private String token(String login, String password) throws Exception {
        return PeopleApi.token(PeopleApi.base(hotline), login, password);
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return PeopleApi.send(PeopleApi.base(hotline), method, path, body, token);
    }

    private void start() throws Exception {
        Path file = Files.writeString(directory.resolve("routing.properties"), "hours.zone = UTC\nwrap-up = 0s\n");
        Map<String, String> values = Map.of(
                "HOTLINE_ROUTING_FILE", file.toString(),
                "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_HEALTH_INTERVAL", "200ms",
                "HOTLINE_ASTERISK_NAME", "pbx-supervisor",
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh("supervisor"),
                "HOTLINE_ADMIN_PASSWORD", "first-admin-pass");
        hotline = Hotline.start(HotlineConfiguration.from(Settings.of(values)));
    }
}
