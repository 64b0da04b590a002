package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.persistence.testing.TestDatabase;
import io.hotline.telephony.agi.FakeAsteriskClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A seat's feature codes against Hotline whole, over real TCP, answered as recording 18 shows (CHANNEL STATUS,
 * STREAM FILE beep): the seat hears whether the routing engine applied its request, and every refusal is kept in
 * the database.
 */
class SeatFeatureCodesTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();

    private Hotline hotline;
    private String seat;
    private String endpoint;

    @BeforeEach
    void start() {
        hotline = Hotline.start(HotlineTest.configuration(DB.config().jdbcUrl()));
        Map<String, Object> row = hotline.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT code, sip_endpoint FROM seat WHERE tier = 'TIER1' ORDER BY id LIMIT 1").mapToMap().one());
        seat = (String) row.get("code");
        endpoint = (String) row.get("sip_endpoint");
    }

    @AfterEach
    void stop() {
        hotline.close();
    }

    @Test
    void shouldRefuseReadyWhileLoggedOutWithTheErrorToneKeepTheRefusalAndAcceptItAfterALogin() throws Exception {
        // *24 while logged out
        List<String> refused = dial("seat?action=ready", "-00000001");

        assertThat(refused).containsExactly("CHANNEL STATUS", "STREAM FILE beeperr \"\"",
                "SET VARIABLE HOTLINE_SEAT_REASON \"seat is logged out: log in first\"",
                "SET VARIABLE HOTLINE_SEAT_RESULT REFUSED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(refusals()).containsExactly(
                Map.of("subject", seat, "request", "ready", "reason", "seat is logged out: log in first")));

        // *21 then *24
        assertThat(dial("seat?action=login", "-00000002")).containsExactly("CHANNEL STATUS", "STREAM FILE beep \"\"",
                "SET VARIABLE HOTLINE_SEAT_RESULT OK");
        assertThat(dial("seat?action=ready", "-00000003")).containsExactly("CHANNEL STATUS", "STREAM FILE beep \"\"",
                "SET VARIABLE HOTLINE_SEAT_RESULT OK");
        assertThat(refusals()).hasSize(1);
    }

    private List<String> dial(String script, String channelSuffix) throws Exception {
        try (FakeAsteriskClient phone = FakeAsteriskClient.connect(hotline.agiAddress())) {
            phone.send("agi_network_script: " + script + "\nagi_channel: " + endpoint + channelSuffix + "\n\n");
            return AgiDialogue.answerAll(phone, "unused");
        }
    }

    private List<Map<String, Object>> refusals() {
        return hotline.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT subject, request, reason FROM routing_refusal ORDER BY id").mapToMap().list());
    }
}
