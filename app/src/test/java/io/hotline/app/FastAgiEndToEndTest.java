package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import io.hotline.telephony.agi.FakeAsteriskClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hotline whole, over real TCP: a client that behaves as the recorded Asterisk 22 sends the recorded FastAGI
 * request, answers commands as Asterisk answered, and gets back the channel variables the dialplan dials; the
 * work order is in the database. Then a caller hangs up while waiting, and the work order records the abandon.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FastAgiEndToEndTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();

    private static final Path TRANSCRIPTS = Path.of("..", "testdata", "asterisk-transcripts");
    private static Hotline hotline;
    private static String seat;
    private static String dialString;

    @BeforeAll
    static void start(@TempDir Path directory) throws Exception {
        // The default hours close at 19:00 Shanghai time: a routing file without hours keeps every tier open,
        // so the test routes at any hour.
        hotline = TestHotlines.start(DB, directory, "hours.zone = UTC\n", "pbx-lab", "fastagi");
        Map<String, Object> row = hotline.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT code, sip_endpoint FROM seat WHERE tier = 'TIER1' ORDER BY id LIMIT 1").mapToMap().one());
        seat = (String) row.get("code");
        dialString = (String) row.get("sip_endpoint");
    }

    @AfterAll
    static void stop() {
        if (hotline != null) {
            hotline.close();
        }
    }

    @Test
    @Order(1)
    void shouldLogTheSeatInFromItsSoftphone() throws Exception {
        try (FakeAsteriskClient phone = FakeAsteriskClient.connect(hotline.agiAddress())) {
            phone.send("agi_network_script: seat?action=login\nagi_channel: " + dialString + "-0000000a\n\n");
            assertThat(AgiDialogue.answerAll(phone, "unused")).contains("SET VARIABLE HOTLINE_SEAT_RESULT OK");
        }
        await().atMost(Duration.ofSeconds(5)).until(() ->
                hotline.routingSnapshot().seats(Tier.TIER1, SeatState.READY) == 1);
    }

    @Test
    @Order(2)
    void shouldRouteTheRecordedCallToTheReadySeatAndKeepItsWorkOrder() throws Exception {
        String recorded = Files.readString(TRANSCRIPTS.resolve("01-queue-tier1-answered-caller-hangs-up.agi1-recv.raw"),
                StandardCharsets.UTF_8);
        String environment = recorded.substring(0, recorded.indexOf("\n\n") + 2);

        List<String> commands;
        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(hotline.agiAddress())) {
            asterisk.send(environment);
            commands = AgiDialogue.answerAll(asterisk, "1795347580.0");
        }

        assertThat(commands).contains("SET VARIABLE HOTLINE_CALL 1795347580.0", "SET VARIABLE HOTLINE_TARGET "
                + dialString, "SET VARIABLE HOTLINE_SEAT " + seat, "SET VARIABLE HOTLINE_TIER TIER1",
                "SET VARIABLE HOTLINE_RESULT ROUTED");
        // The caller was queued without waiting for the database: the service desk opens the work order when
        // routing tells it the call joined (the JOINED entry durable before the session ended), through the journal.
        assertThat(commands).noneMatch(command -> command.startsWith("SET VARIABLE HOTLINE_WORKORDER"));
        Map<String, Object> workOrder = await().atMost(Duration.ofSeconds(5)).until(() -> hotline.database().jdbi()
                .withHandle(handle -> handle.createQuery("SELECT id, caller_number, state FROM work_order"
                        + " WHERE asterisk_server = 'pbx-lab' AND call_linkedid = '1795347580.0'").mapToMap()
                        .findOne().orElse(null)), row -> row != null);
        assertThat(workOrder.get("caller_number")).isEqualTo("+4930123401");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(Trails.desk(hotline.database().jdbi(), ((Number) workOrder.get("id")).longValue()))
                    .containsExactly("OPENED");
            assertThat(Trails.routing(hotline.database().jdbi(), ((Number) workOrder.get("id")).longValue()))
                    .containsExactly("ROUTING");
        });
    }

    @Test
    @Order(3)
    void shouldRecordTheAbandonWhenTheCallerHangsUpWhileWaiting() throws Exception {
        // the only logged-in seat is ringing for the first call, so this caller waits
        String recorded = Files.readString(TRANSCRIPTS.resolve("15-agi-routes-to-endpoint-dial.agi1-recv.raw"),
                StandardCharsets.UTF_8);
        String environment = recorded.substring(0, recorded.indexOf("\n\n") + 2).replace("dnis=500", "dnis=100");

        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(hotline.agiAddress())) {
            asterisk.send(environment);
            String command;
            while ((command = asterisk.readCommand()) != null) {
                asterisk.send(AgiDialogue.reply(command, "1795347827.35"));
                if (command.startsWith("SET MUSIC ON")) {
                    break;
                }
            }
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    hotline.routingSnapshot().queues().get("support").waiting() == 1);

            asterisk.send("HANGUP\n");
            assertThat(asterisk.readCommand()).isNull();
        }

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<String, Object> workOrder = hotline.database().jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT id, state, callback_at FROM work_order WHERE call_linkedid = '1795347827.35'")
                    .mapToMap().one());
            // callback work, with its own clock: the desk does not cancel an abandoned call's work order
            assertThat(workOrder.get("state")).isEqualTo("NEW");
            assertThat(workOrder.get("callback_at")).isNotNull();
            long id = ((Number) workOrder.get("id")).longValue();
            assertThat(Trails.desk(hotline.database().jdbi(), id)).containsExactly("OPENED", "CALL_ABANDONED");
            assertThat(Trails.routing(hotline.database().jdbi(), id)).containsExactly("ABANDONED");
        });
        assertThat(hotline.routingSnapshot().queues().get("support").abandoned()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void shouldHangUpTheLegOfASeatAnsweringACallRoutingNoLongerHas() throws Exception {
        // the abandoned caller's call is gone from routing; a seat's leg answering it anyway (recording 16's agi2)
        List<String> commands = answered("1795347827.35");

        // is hung up by app_dial once the engine refused the answer, and the seat is not booked to it
        assertThat(commands).containsExactly("SET VARIABLE GOSUB_RESULT CHANUNAVAIL");
        assertThat(hotline.routingSnapshot().seats(Tier.TIER1, SeatState.ON_CALL)).isZero();
    }

    @Test
    @Order(5)
    void shouldBridgeTheSeatAnsweringTheCallItWasOffered() throws Exception {
        // the seat still rings with the first call; it answers, and the engine connects it before the bridge
        List<String> commands = answered("1795347580.0");

        assertThat(commands).isEmpty();
        assertThat(hotline.routingSnapshot().seats(Tier.TIER1, SeatState.ON_CALL)).isEqualTo(1);
    }

    /** The {@code answered} session Dial's {@code U()} runs on the seat's leg, shaped as recording 16's agi2. */
    private static List<String> answered(String call) throws Exception {
        String recorded = Files.readString(TRANSCRIPTS.resolve(
                "16-dial-g-seat-hangs-up-caller-continues.agi2-recv.raw"), StandardCharsets.UTF_8);
        String environment = recorded.substring(0, recorded.indexOf("\n\n") + 2)
                .replace("answered?agent=agent1001", "answered?call=" + call + "&seat=" + seat)
                .replace("PJSIP/agent1001", dialString);
        try (FakeAsteriskClient leg = FakeAsteriskClient.connect(hotline.agiAddress())) {
            leg.send(environment);
            return AgiDialogue.answerAll(leg, call);
        }
    }
}
