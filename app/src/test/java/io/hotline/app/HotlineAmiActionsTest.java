package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.ops.config.Settings;
import io.hotline.persistence.seed.DemoSeed;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.telephony.agi.FakeAsteriskClient;
import io.hotline.telephony.ami.ScriptedAmiServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The AMI actions Hotline sends for routing, end to end: the engine withdraws an offer and the ringing seat leg
 * named by {@code DialBegin} is hung up (recording 17); a late answer from that seat is not connected; a move to
 * another queue redirects the caller waiting in {@code route} and closes that FastAGI session (recording 20).
 */
class HotlineAmiActionsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();

    private static String seat;

    @BeforeAll
    static void seatOnTheRecordedPhone() {
        // The recordings' seat phone is PJSIP/agent1001: give a tier-1 demo seat that device.
        DemoSeed.load(DB.jdbi());
        seat = DB.jdbi().withHandle(handle -> {
            String code = handle.createQuery("SELECT code FROM seat WHERE tier = 'TIER1' ORDER BY id LIMIT 1")
                    .mapTo(String.class).one();
            handle.createUpdate("UPDATE seat SET sip_endpoint = 'PJSIP/agent1001' WHERE code = :code")
                    .bind("code", code).execute();
            return code;
        });
    }

    @Test
    void shouldHangUpTheRingingLegWhenTheSeatLogsOutAndTurnAwayItsLateAnswer() throws Exception {
        // given the seat logged in and recording 17's caller routed to it
        String caller = "1796622041.2";
        try (ScriptedAmiServer asterisk = ScriptedAmiServer.start(0);
             Hotline hotline = Hotline.start(configuration(asterisk.port()))) {
            await().atMost(PATIENCE).until(() -> hotline.health().components().get("ami").status()
                    == ComponentHealth.Status.UP);
            agi(hotline, "agi_network_script: seat?action=login\nagi_channel: PJSIP/agent1001-0000000a\n\n", "x");
            await().atMost(PATIENCE).until(() -> hotline.routingSnapshot().seats(Tier.TIER1, SeatState.READY) == 1);
            List<String> routed = agi(hotline, "agi_network_script: route?dnis=601\nagi_channel: "
                    + "PJSIP/carrier-00000002\nagi_uniqueid: " + caller + "\nagi_callerid: +4930123419\n\n", caller);
            assertThat(routed).contains("SET VARIABLE HOTLINE_SEAT " + seat, "SET VARIABLE HOTLINE_RESULT ROUTED");
            // and the dialplan's Dial ringing the seat's phone, as AMI shows it (DialBegin names the leg)
            asterisk.afterLoginActing("17-ami-hangup-of-ringing-seat-leg.ami-recv.raw").dropClients();
            await().atMost(PATIENCE).until(() -> hotline.ami().view().seatDevice("pbx1", "PJSIP/agent1001")
                    == DeviceState.RINGING);

            // when the seat logs out while its phone rings
            agi(hotline, "agi_network_script: seat?action=logout\nagi_channel: PJSIP/agent1001-0000000b\n\n", "y");

            // then Hotline hangs up exactly the leg DialBegin named, as recording 17 does
            await().atMost(PATIENCE).until(() -> actions(asterisk, "hangup").size() == 1);
            assertThat(actions(asterisk, "hangup").get(0)).containsEntry("channel", "PJSIP/agent1001-00000003");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(metrics(hotline)).containsPattern(
                    "hotline_ami_actions_total\\{[^}]*action=\"Hangup\"[^}]*outcome=\"success\"[^}]*} 1\\.0"));

            // and when the seat answers anyway, its leg is not connected and the call is not booked to it
            List<String> answered = agi(hotline, "agi_network_script: answered?call=" + caller + "&seat=" + seat
                    + "\nagi_channel: PJSIP/agent1001-00000003\n\n", caller);
            assertThat(answered).containsExactly("SET VARIABLE GOSUB_RESULT CHANUNAVAIL");
            assertThat(hotline.routingSnapshot().seats(Tier.TIER1, SeatState.ON_CALL)).isZero();
        }
    }

    @Test
    void shouldRedirectACallerWaitingInRouteAndCloseItsSession() throws Exception {
        // given recording 20's caller waiting in a route session (no seat is logged in)
        String caller = "1796622067.8";
        try (ScriptedAmiServer asterisk = ScriptedAmiServer.start(0)
                .afterLoginActing("20-ami-redirect-of-caller-waiting-in-agi.ami-recv.raw");
             Hotline hotline = Hotline.start(configuration(asterisk.port()));
             FakeAsteriskClient session = FakeAsteriskClient.connect(hotline.agiAddress())) {
            await().atMost(PATIENCE).until(() -> hotline.health().components().get("ami").status()
                    == ComponentHealth.Status.UP && hotline.ami().view().callerChannel(caller).isPresent());
            session.send("agi_network_script: route?dnis=602\nagi_channel: PJSIP/carrier-00000008\nagi_uniqueid: "
                    + caller + "\nagi_callerid: +4930123421\n\n");
            CompletableFuture<List<String>> commands = CompletableFuture.supplyAsync(() -> {
                try {
                    return AgiDialogue.answerAll(session, caller);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(PATIENCE).until(() -> hotline.routingSnapshot().queues().get("support").waiting() == 1);

            // when routing moves the live call to tier 2
            hotline.callControl().moveToQueue(new RoutingCommand.MoveToQueue(caller, "tier2", Tier.TIER1,
                    "asked from the desktop"));

            // then the caller's channel is redirected to hotline-escalate,tier2,1 and Hotline closes the session
            // (Asterisk moves a channel held in AGI only once the session is closed), without a HOTLINE_RESULT
            await().atMost(PATIENCE).until(() -> actions(asterisk, "redirect").size() == 1);
            assertThat(actions(asterisk, "redirect").get(0)).containsEntry("channel", "PJSIP/carrier-00000008")
                    .containsEntry("context", "hotline-escalate").containsEntry("exten", "tier2")
                    .containsEntry("priority", "1");
            List<String> sent = commands.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(sent).contains("SET MUSIC ON default").noneMatch(command -> command.contains("HOTLINE_RESULT"));
            assertThat(hotline.health().components().get("ami").status()).isEqualTo(ComponentHealth.Status.UP);
        }
    }

    private static String metrics(Hotline hotline) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hotline.httpAddress().getPort()
                + "/metrics")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static List<Map<String, String>> actions(ScriptedAmiServer asterisk, String name) {
        return asterisk.actionsReceived().stream().filter(action -> name.equalsIgnoreCase(action.get("action")))
                .toList();
    }

    /** One FastAGI session: sends {@code environment}, answers every command as Asterisk did, returns them. */
    private static List<String> agi(Hotline hotline, String environment, String linkedId) throws Exception {
        return AgiDialogue.session(hotline, environment, linkedId);
    }

    private static HotlineConfiguration configuration(int amiPort) throws IOException {
        // Only a zone: every tier is open, whatever the time the test runs at.
        Path routing = Files.writeString(Files.createTempFile(
                "routing", ".properties"), "hours.zone = UTC\n");
        routing.toFile().deleteOnExit();
        Map<String, String> values = TestHotlines.amiSettings(DB, amiPort, "ami-actions");
        values.put("HOTLINE_ROUTING_FILE", routing.toString());
        return HotlineConfiguration.from(Settings.of(values));
    }
}
