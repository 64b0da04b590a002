package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import io.hotline.telephony.agi.FakeAsteriskClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Seat state survives a restart: seats log in and go not ready over FastAGI, Hotline stops, a new Hotline on the
 * same database and data directory starts with them as they were and says so in one line.
 */
class SeatStateRestartTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    private static final String OK = "SET VARIABLE HOTLINE_SEAT_RESULT OK";

    @Test
    void shouldRestoreEachSeatsStateAfterARestart() throws Exception {
        // given one Hotline, a seat logged in and another not ready with reason 12
        HotlineConfiguration config = HotlineConfiguration.from(Settings.of(Map.of(
                "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh("seat-restart"))));
        List<String> endpoints;
        String away;
        try (Hotline first = Hotline.start(config)) {
            endpoints = first.database().jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT sip_endpoint FROM seat WHERE tier = 'TIER1' ORDER BY id LIMIT 3").mapTo(String.class)
                    .list());
            away = first.database().jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT code FROM seat WHERE sip_endpoint = :endpoint").bind("endpoint", endpoints.get(1))
                    .mapTo(String.class).one());
            assertThat(dial(first, endpoints.get(0), "seat?action=login")).contains(OK);
            assertThat(dial(first, endpoints.get(1), "seat?action=login")).contains(OK);
            assertThat(dial(first, endpoints.get(1), "seat?action=notready&reason=12"))
                    .contains(OK);
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    first.routingSnapshot().seats(Tier.TIER1, SeatState.NOT_READY) == 1);
        }
        Map<String, Object> before = seatState(away);

        // when a new Hotline starts on the same database and data directory
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger seatsLog = (Logger) LoggerFactory.getLogger(RoutingSeats.class);
        log.start();
        seatsLog.addAppender(log);
        try (Hotline second = Hotline.start(config)) {
            // then the seats are as they were: one ready, one not ready (reason 12, since unchanged)
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(second.routingSnapshot().seats(Tier.TIER1, SeatState.READY)).isEqualTo(1);
                assertThat(second.routingSnapshot().seats(Tier.TIER1, SeatState.NOT_READY)).isEqualTo(1);
            });
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(line ->
                    line.matches("restored \\d+ seats: 2 logged in, 1 ready, 1 not ready"));
            // and the engine knows them logged in: ready is accepted, a logout of the third seat is refused
            assertThat(dial(second, endpoints.get(1), "seat?action=ready")).contains(OK);
            assertThat(dial(second, endpoints.get(2), "seat?action=logout")).contains(
                    "SET VARIABLE HOTLINE_SEAT_RESULT REFUSED");
        } finally {
            seatsLog.detachAppender(log);
        }
        assertThat(before).containsEntry("state", "NOT_READY").containsEntry("reason", "code-12");
    }

    private static List<String> dial(Hotline hotline, String endpoint, String script) throws Exception {
        try (FakeAsteriskClient phone = FakeAsteriskClient.connect(hotline.agiAddress())) {
            phone.send("agi_network_script: " + script + "\nagi_channel: " + endpoint + "-0000000a\n\n");
            return AgiDialogue.answerAll(phone, "unused");
        }
    }

    private static Map<String, Object> seatState(String seat) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT st.state, st.reason, st.since"
                + " FROM seat_state st JOIN seat s ON s.id = st.seat_id WHERE s.code = :seat").bind("seat", seat)
                .mapToMap().one());
    }
}
