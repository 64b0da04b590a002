package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.app.people.SeatPush;
import io.hotline.app.simulate.CallerPhone;
import io.hotline.app.simulate.Dialplan;
import io.hotline.app.simulate.SeatPhone;
import io.hotline.app.simulate.SimulatedAsterisk;
import io.hotline.app.simulate.SimulatedChannel;
import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.workorder.WorkOrderState;
import io.hotline.web.desktop.ActionOutcome;
import io.hotline.web.desktop.DesktopBackend;
import io.hotline.web.desktop.SeatAction;
import io.hotline.web.desktop.SeatVerdict;
import io.hotline.web.desktop.WorkOrderAction;
import io.hotline.web.desktop.WorkOrderView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
 * The seat agent's desktop inside a whole Hotline, on the demo organisation: the desktop's routes are served (and
 * authenticate), the agent logs in through the desktop's backend (routing's verdict), a customer's call through the
 * shipped dialplan pops up on the seat while it rings and again once answered, with the customer read from the
 * database, and the agent acts on the call's work order.
 */
class DesktopEndToEndTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    private static final Duration FLOW = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

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
        // given Hotline, and a tier-1 seat logged in from its desktop
        start();
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + hotline.httpAddress().getPort() + "/api/desktop")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
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
        SeatVerdict login = desktop.seatRequest(seat, SeatAction.LOGIN, null).toCompletableFuture().join();
        assertThat(login.accepted()).isTrue();
        assertThat(login.seat().state()).isEqualTo(SeatState.READY);
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
        ActionOutcome waiting = desktop.act(new WorkOrderAction.Waiting(workOrderId, Actor.seat(seat),
                "waiting for the log files")).toCompletableFuture().join();
        assertThat(waiting.result()).isEqualTo(ActionOutcome.Result.CHANGED);
        assertThat(waiting.workOrder().workOrder().state()).isEqualTo(WorkOrderState.WAITING_ON_CUSTOMER);

        // and logs out; a second logout is refused in routing's words
        await().atMost(PATIENCE).until(() -> desktop.seat(seat).orElseThrow().call() == null);
        assertThat(desktop.seatRequest(seat, SeatAction.LOGOUT, null).toCompletableFuture().join().accepted())
                .isTrue();
        SeatVerdict again = desktop.seatRequest(seat, SeatAction.LOGOUT, null).toCompletableFuture().join();
        assertThat(again.accepted()).isFalse();
        assertThat(again.reason()).isNotBlank();
        assertThat(desktop.screenPop(seat)).isEmpty();
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
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh("desktop"));
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
