package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.CuttableTcpProxy;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.persistence.testing.WorkOrderTrail;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.telephony.agi.FakeAsteriskClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hotline whole while its database goes away: the line to the real server runs through a TCP proxy on loopback that
 * the test cuts. A recorded call that arrives during the outage is still routed to the ready seat; its work order,
 * the routing decision and the connection reach the database, in that order and once, when the line is mended.
 */
class HotlineDatabaseOutageTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    private static final Path TRANSCRIPTS = Path.of("..", "testdata", "asterisk-transcripts");
    private static final String LINKEDID = "1795347580.0";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void shouldRouteACallerWhileTheDatabaseIsAwayAndWriteItsWorkOrderWhenItAnswers(@TempDir Path directory)
            throws Exception {
        Matcher url = Pattern.compile("^jdbc:mysql://[^:/]+:(\\d+)/(.*)$").matcher(DB.config().jdbcUrl());
        assertThat(url.matches()).isTrue();
        Path routing = Files.writeString(directory.resolve("routing.properties"), "hours.zone = UTC\n");
        try (CuttableTcpProxy line = new CuttableTcpProxy(Integer.parseInt(url.group(1)));
             Hotline hotline = Hotline.start(HotlineConfiguration.from(Settings.of(Map.of(
                     "HOTLINE_ROUTING_FILE", routing.toString(),
                     "HOTLINE_DB_URL", "jdbc:mysql://127.0.0.1:" + line.port() + "/" + url.group(2),
                     "HOTLINE_DB_CONNECT_TIMEOUT", "1s",
                     "HOTLINE_HTTP_PORT", "0",
                     "HOTLINE_AGI_PORT", "0",
                     "HOTLINE_ASTERISK_NAME", "pbx-lab",
                     "HOTLINE_DATA_DIR", TestDataDirectories.fresh("outage")))))) {
            // given a seat logged in from its softphone
            Map<String, Object> row = DB.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT code, sip_endpoint FROM seat WHERE tier = 'TIER1' ORDER BY id LIMIT 1").mapToMap().one());
            String dialString = (String) row.get("sip_endpoint");
            try (FakeAsteriskClient phone = FakeAsteriskClient.connect(hotline.agiAddress())) {
                phone.send("agi_network_script: seat?action=login\nagi_channel: " + dialString + "-0000000a\n\n");
                assertThat(AgiDialogue.answerAll(phone, "unused")).contains("SET VARIABLE HOTLINE_SEAT_RESULT OK");
            }
            await().atMost(PATIENCE).until(() -> hotline.routingSnapshot().seats(Tier.TIER1, SeatState.READY) == 1);
            // and everything the journal logged so far (the seat's login) in the database: its writes are gathered
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(journal(hotline).detail())
                    .isEqualTo("every entry is on the work orders"));

            // when the database goes away and the recorded call comes in
            line.cut();
            String recorded = Files.readString(TRANSCRIPTS.resolve(
                    "01-queue-tier1-answered-caller-hangs-up.agi1-recv.raw"), StandardCharsets.UTF_8);
            List<String> commands;
            try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(hotline.agiAddress())) {
                asterisk.send(recorded.substring(0, recorded.indexOf("\n\n") + 2));
                commands = AgiDialogue.answerAll(asterisk, LINKEDID);
            }
            // and the seat answers
            try (FakeAsteriskClient answered = FakeAsteriskClient.connect(hotline.agiAddress())) {
                answered.send("agi_network_script: answered?call=" + LINKEDID + "&seat=" + row.get("code")
                        + "\nagi_channel: " + dialString + "-0000000b\n\n");
                assertThat(answered.readCommand()).isNull();
            }

            // then the caller was routed to the seat all the same, without a work order id yet
            assertThat(commands).contains("SET VARIABLE HOTLINE_TARGET " + dialString,
                    "SET VARIABLE HOTLINE_RESULT ROUTED");
            assertThat(commands).noneMatch(command -> command.startsWith("SET VARIABLE HOTLINE_WORKORDER"));
            // and what the database must learn waits on disk, as the journal's health says: routing's six (the
            // call's arrival, the decision, the offer, the connection, and the seat's two state changes: RESERVED,
            // ON_CALL) and the desk's five (the work order opened and its notification to the supervisors' board,
            // then changed by the answer and its notifications to the seat that owns it now and to the board)
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(journal(hotline).detail())
                    .isEqualTo("11 entries wait on disk for the database"));
            assertThat(journal(hotline).status()).isEqualTo(ComponentHealth.Status.UP);

            // when the database answers again
            line.mend();

            // then the work order is opened, with the decision and the connection after it, once
            await().atMost(PATIENCE).untilAsserted(() -> {
                List<Long> ids = DB.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT id FROM work_order WHERE asterisk_server = 'pbx-lab' AND call_linkedid = :call")
                        .bind("call", LINKEDID).mapTo(Long.class).list());
                assertThat(ids).hasSize(1);
                assertThat(Trails.routing(DB.jdbi(), ids.get(0))).containsExactly("ROUTING", "CONNECTED");
                assertThat(Trails.desk(DB.jdbi(), ids.get(0))).containsExactly("OPENED", "CALL_CONNECTED");
                assertThat(WorkOrderTrail.state(DB.jdbi(), ids.get(0))).isEqualTo("IN_PROGRESS");
                // and the call's record, joined during the outage, answered by the seat
                List<String> outcomes = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT outcome"
                        + " FROM call_record WHERE asterisk_server = 'pbx-lab' AND linkedid = :call")
                        .bind("call", LINKEDID).mapTo(String.class).list());
                assertThat(outcomes).containsExactly("ANSWERED");
            });
        }
    }

    private static ComponentHealth journal(Hotline hotline) {
        return hotline.health().components().get("journal");
    }
}
