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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dialled number picks the queue and the product line (HOTLINE_ROUTING_FILE's {@code dnis.<number>.*}), for
 * the E.164 number of recording 19 that Asterisk puts into the AGI URL with its literal {@code +}: Hotline whole,
 * over real TCP and the real database.
 */
class DialledNumberEndToEndTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();

    private static final Path TRANSCRIPTS = Path.of("..", "testdata", "asterisk-transcripts");
    private static final String SEAT_WITH_SKILL = "SELECT s.code, s.sip_endpoint FROM seat s WHERE s.tier = :tier"
            + " AND s.active AND %s EXISTS (SELECT 1 FROM seat_skill ss JOIN skill k ON k.id = ss.skill_id"
            + " WHERE ss.seat_id = s.id AND k.code = 'ERP_U8') ORDER BY s.id LIMIT 1";
    private static Hotline hotline;

    @BeforeAll
    static void start(@TempDir Path directory) throws Exception {
        // no hours: every tier is open at any hour
        hotline = TestHotlines.start(DB, directory, String.join("\n",
                "hours.zone = UTC",
                "dnis.+864008001234.queue = tier2",
                "dnis.+864008001234.product = ERP_U8",
                ""), "pbx-lab", "dnis");
    }

    @AfterAll
    static void stop() {
        if (hotline != null) {
            hotline.close();
        }
    }

    @Test
    void shouldQueueTheCallerOfTheE164NumberInItsQueueWithItsProductSkill() throws Exception {
        // given a tier-1 seat and a tier-2 seat that both know ERP_U8, and a tier-2 seat that does not, all ready
        Map<String, Object> tier1WithU8 = seat(Tier.TIER1, "");
        Map<String, Object> tier2WithoutU8 = seat(Tier.TIER2, "NOT");
        Map<String, Object> tier2WithU8 = seat(Tier.TIER2, "");
        for (Map<String, Object> seat : List.of(tier1WithU8, tier2WithoutU8, tier2WithU8)) {
            logIn((String) seat.get("sip_endpoint"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() ->
                hotline.routingSnapshot().seats(Tier.TIER1, SeatState.READY) == 1
                        && hotline.routingSnapshot().seats(Tier.TIER2, SeatState.READY) == 2);
        // the request of recording 19 (its script renamed to route): dnis=+864008001234 with a literal '+'
        String recorded = Files.readString(TRANSCRIPTS.resolve("19-inbound-e164-dnis.agi1-recv.raw"),
                StandardCharsets.UTF_8);
        String environment = recorded.substring(0, recorded.indexOf("\n\n") + 2)
                .replace("e164?pattern=_+X.&dnis=", "route?dnis=");
        assertThat(environment).contains("agi_network_script: route?dnis=+864008001234\n");

        // when Asterisk asks Hotline to route the call
        List<String> commands;
        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(hotline.agiAddress())) {
            asterisk.send(environment);
            commands = AgiDialogue.answerAll(asterisk, "1796622111.11");
        }

        // then it went to the tier2 queue and needed ERP_U8: only the tier-2 seat with ERP_U8 could take it
        assertThat(commands).contains("SET VARIABLE HOTLINE_SEAT " + tier2WithU8.get("code"),
                "SET VARIABLE HOTLINE_TARGET " + tier2WithU8.get("sip_endpoint"), "SET VARIABLE HOTLINE_TIER TIER2",
                "SET VARIABLE HOTLINE_RESULT ROUTED");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(hotline.routingSnapshot().seats(Tier.TIER2, SeatState.RESERVED)).isEqualTo(1);
            assertThat(hotline.routingSnapshot().seats(Tier.TIER1, SeatState.READY)).isEqualTo(1);
        });
    }

    private static Map<String, Object> seat(Tier tier, String not) {
        return hotline.database().jdbi().withHandle(handle -> handle.createQuery(String.format(SEAT_WITH_SKILL, not))
                .bind("tier", tier.name()).mapToMap().one());
    }

    private static void logIn(String dialString) throws Exception {
        try (FakeAsteriskClient phone = FakeAsteriskClient.connect(hotline.agiAddress())) {
            phone.send("agi_network_script: seat?action=login\nagi_channel: " + dialString + "-0000000a\n\n");
            assertThat(AgiDialogue.answerAll(phone, "unused")).contains("SET VARIABLE HOTLINE_SEAT_RESULT OK");
        }
    }
}
