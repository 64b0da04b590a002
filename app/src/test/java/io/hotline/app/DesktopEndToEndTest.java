package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.app.people.SeatPush;
import io.hotline.app.simulate.CallerPhone;
import io.hotline.app.simulate.Dialplan;
import io.hotline.app.simulate.SeatPhone;
import io.hotline.app.simulate.SimulatedAsterisk;
import io.hotline.app.simulate.SimulatedChannel;
import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.workorder.WorkOrderState;
import io.hotline.web.desktop.DesktopBackend;
import io.hotline.web.desktop.WorkOrderView;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seat agent's desktop inside a whole Hotline, on the demo organisation, over HTTP with a real session: the
 * agent logs the seat in (routing's verdict), a customer's call through the shipped dialplan pops up on the seat
 * while it rings and again once answered, with the customer read from the database, and the agent reads and acts
 * on the call's work order and logs out.
 */
class DesktopEndToEndTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    private static final Duration FLOW = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;
    private final List<Pushed> pushed = new CopyOnWriteArrayList<>();
    private Hotline hotline;
    private SimulatedAsterisk pbx;

    /** One push: to a seat, or to supervisors ({@code seat} null). */
    private record Pushed(String seat, String type, Object data) {
    }

    @AfterEach
    void stop() {
        if (pbx != null) {
            pbx.close();
        }
        if (hotline != null) {
            hotline.close();
        }
    }

    @Test
    void shouldPopTheCallersCustomerOnTheSeatWhileItRingsAndOnceAnsweredAndLetTheAgentActOnTheWorkOrder()
            throws Exception {
        // given Hotline, and an agent account for a tier-1 seat
        start();
        assertThat(send("GET", "/api/desktop", null, null).statusCode()).isEqualTo(401);
        DesktopBackend desktop = hotline.desktop();
        await().atMost(PATIENCE).until(desktop::ready);
        // a customer with one product line and no work order (no owner seat waits for them), and a seat for it
        Map<String, Object> row = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT c.id, c.name,"
                + " p.phone_number, s.code, s.sip_endpoint FROM customer c JOIN customer_phone p ON p.customer_id ="
                + " c.id JOIN customer_product cp ON cp.customer_id = c.id JOIN seat_skill ss ON ss.skill_id ="
                + " cp.product_skill_id JOIN seat s ON s.id = ss.seat_id AND s.tier = 'TIER1' AND s.active"
                + " WHERE NOT EXISTS (SELECT 1 FROM work_order w WHERE w.customer_id = c.id)"
                + " AND (SELECT COUNT(*) FROM customer_product x WHERE x.customer_id = c.id) = 1"
                + " AND (SELECT COUNT(*) FROM customer_phone y WHERE y.phone_number = p.phone_number) = 1"
                + " ORDER BY c.id, s.id LIMIT 1").mapToMap().one());
        String seat = (String) row.get("code");
        String admin = token("admin", "first-admin-pass");
        assertThat(send("POST", "/api/admin/accounts", "{\"login\":\"agent1\",\"role\":\"agent\",\"seat\":\""
                + seat + "\",\"displayName\":\"Agent One\",\"password\":\"agent-one-pass\"}", admin).statusCode())
                .isEqualTo(201);
        String agent = token("agent1", "agent-one-pass");

        // when the agent logs the seat in from the desktop
        HttpResponse<String> login = send("POST", "/api/seat/login", "", agent);

        // then routing's verdict comes back with the seat
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(JSON.readTree(login.body()).at("/seat/state").asText()).isEqualTo("READY");
        assertThat(JSON.readTree(send("GET", "/api/desktop", null, agent).body()).at("/seat/seat").asText())
                .isEqualTo(seat);
        pbx.install(SeatPhone.answering((String) row.get("sip_endpoint"), "Agent", 1_500).hangingUpAfter(1_500));
        Map<String, Object> customer = row;

        // when the customer calls
        SimulatedChannel call = pbx.call(CallerPhone.customer((String) customer.get("phone_number"), "Customer"),
                "hotline-inbound", "4008001234").finishedWithin(FLOW);

        // then the seat got the offered pop, then the answered one, both naming the customer from the database
        assertThat(call.variable("HOTLINE_SEAT")).isEqualTo(seat);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(pops(seat)).as("pushed %s", pushed).hasSize(2));
        List<Map<String, Object>> pops = pops(seat);
        assertThat(pops).extracting(pop -> pop.get("phase")).containsExactly("offered", "answered");
        for (Map<String, Object> pop : pops) {
            assertThat(pop.get("callId")).isEqualTo(call.linkedId());
            assertThat(((Map<?, ?>) pop.get("customer")).get("name")).isEqualTo(customer.get("name"));
            assertThat(((Map<?, ?>) pop.get("customer")).get("id")).isEqualTo(customer.get("id"));
        }
        Map<?, ?> workOrderJson = (Map<?, ?>) pops.get(1).get("workOrder");
        assertThat(workOrderJson).isNotNull();
        long workOrderId = ((Number) workOrderJson.get("id")).longValue();
        assertThat(pushed).anyMatch(push -> push.seat() == null && push.type().equals("seat"));
        assertThat(pushed).anyMatch(push -> push.seat() == null && push.type().equals("work_order"));

        // and the agent owns the call's work order and puts it on hold for the customer
        WorkOrderView owned = await().atMost(PATIENCE).until(() -> desktop.workOrder(workOrderId).orElse(null),
                view -> view != null && seat.equals(view.ownerSeatId()));
        assertThat(owned.customer().name()).isEqualTo(customer.get("name"));
        JsonNode shown = JSON.readTree(send("GET", "/api/work-orders/" + workOrderId, null, agent).body());
        assertThat(shown.at("/customer/name").asText()).isEqualTo(customer.get("name"));
        assertThat(shown.at("/trail/0/action").asText()).isEqualTo("OPENED");
        HttpResponse<String> waiting = send("POST", "/api/work-orders/" + workOrderId + "/waiting",
                "{\"reason\":\"waiting for the log files\"}", agent);
        assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(200);
        assertThat(JSON.readTree(waiting.body()).get("state").asText()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(owned.workOrder().state()).isNotEqualTo(WorkOrderState.WAITING_ON_CUSTOMER);

        // and logs out; a second logout is refused in routing's words
        await().atMost(PATIENCE).until(() -> desktop.seat(seat).orElseThrow().call() == null);
        assertThat(send("POST", "/api/seat/logout", "", agent).statusCode()).isEqualTo(200);
        HttpResponse<String> again = send("POST", "/api/seat/logout", "", agent);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("error").asText()).isEqualTo("refused");
        assertThat(desktop.screenPop(seat)).isEmpty();
    }

    private String token(String login, String password) throws Exception {
        return PeopleApi.token(PeopleApi.base(hotline), login, password);
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return PeopleApi.send(PeopleApi.base(hotline), method, path, body, token);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> pops(String seat) {
        return pushed.stream().filter(push -> seat.equals(push.seat()) && push.type().equals("screen_pop"))
                .map(push -> (Map<String, Object>) push.data()).toList();
    }

    private void start() throws Exception {
        Path file = Files.writeString(directory.resolve("routing.properties"), "hours.zone = UTC\nwrap-up = 0s\n");
        Map<String, String> values = Map.of(
                "HOTLINE_ROUTING_FILE", file.toString(),
                "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_HEALTH_INTERVAL", "200ms",
                "HOTLINE_ASTERISK_NAME", "pbx-desktop",
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh("desktop"),
                "HOTLINE_ADMIN_PASSWORD", "first-admin-pass");
        SeatPush push = new SeatPush() {
            @Override
            public void toSeat(String seatId, String type, Object data) {
                pushed.add(new Pushed(seatId, type, data));
            }

            @Override
            public void toSupervisors(String type, Object data) {
                pushed.add(new Pushed(null, type, data));
            }
        };
        hotline = Hotline.start(HotlineConfiguration.from(Settings.of(values)), Hotline.JOURNALLED, push);
        // In real time: the seat's phone rings, and the seat talks, long enough for both pops to arrive.
        pbx = SimulatedAsterisk.realTime(Dialplan.load(Path.of("..", "docs", "asterisk", "extensions.conf")),
                Map.of("HOTLINE_AGI", "agi://127.0.0.1:" + hotline.agiAddress().getPort()));
    }
}
