package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.telephony.ami.ScriptedAmiServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Hotline with HOTLINE_AMI_HOST set, against a scripted Asterisk manager interface on loopback. */
class HotlineAmiTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldFollowAsteriskAndMakeASeatWithAnUnreachablePhoneUnavailable() throws Exception {
        // given an Asterisk whose PJSIP contact for seat S1001's phone (endpoint 1001) fails qualify, and whose
        // PJSIP/1002 is on a call Hotline did not route
        try (ScriptedAmiServer asterisk = ScriptedAmiServer.start(0).afterLoginText(
                "Event: ContactStatus\r\nPrivilege: system,all\r\nURI: sip:1001@127.0.0.1:5071\r\n"
                        + "ContactStatus: Unreachable\r\nAOR: 1001\r\nEndpointName: 1001\r\nRoundtripUsec: 0\r\n\r\n"
                        + "Event: Newchannel\r\nPrivilege: call,all\r\nChannel: PJSIP/1002-0000002a\r\n"
                        + "Uniqueid: 1795347900.42\r\nLinkedid: 1795347900.42\r\n\r\n"
                        + "Event: DeviceStateChange\r\nPrivilege: call,all\r\nDevice: PJSIP/1002\r\n"
                        + "State: INUSE\r\n\r\n");
             // when Hotline starts following it
             Hotline hotline = Hotline.start(configuration(asterisk.port()))) {
            String base = "http://127.0.0.1:" + hotline.httpAddress().getPort();

            // then it logs in, routing learns both seats' phones, and health and metrics show the connection
            await().atMost(Duration.ofSeconds(20)).until(() -> hotline.ami().view()
                    .seatDevice("pbx1", "PJSIP/1001") == DeviceState.UNAVAILABLE
                    && hotline.ami().view().seatDevice("pbx1", "PJSIP/1002") == DeviceState.IN_USE);
            await().atMost(Duration.ofSeconds(10)).until(() -> hotline.health().components().get("ami").status()
                    == ComponentHealth.Status.UP);
            String metrics = get(base + "/metrics");
            assertThat(metrics).containsPattern("hotline_ami_connected\\{[^}]*server=\"pbx1\"[^}]*} 1\\.0")
                    .containsPattern("hotline_ami_events_total\\{[^}]*type=\"ContactStatus\"[^}]*} 1\\.0");
            assertThat(asterisk.actionsReceived()).anySatisfy(action -> assertThat(action.get("action"))
                    .isEqualToIgnoringCase("CoreShowChannels"));
        }
    }

    @Test
    void shouldStartWhileAsteriskIsDownAndConnectOnceItListens() throws Exception {
        // given no Asterisk on the configured AMI port
        int port = HotlineTest.freePort();
        try (Hotline hotline = Hotline.start(configuration(port))) {
            // then Hotline runs, and health names the server it cannot reach
            await().atMost(Duration.ofSeconds(10)).until(() -> hotline.health().components().get("ami").status()
                    == ComponentHealth.Status.DOWN);
            assertThat(hotline.health().components().get("ami").detail()).contains("pbx1");

            // when Asterisk comes up on that port
            try (ScriptedAmiServer asterisk = ScriptedAmiServer.start(port)) {
                // then Hotline logs in by itself, without a restart
                await().atMost(Duration.ofSeconds(30)).until(() -> hotline.health().components().get("ami")
                        .status() == ComponentHealth.Status.UP);
                assertThat(asterisk.connections()).isPositive();
            }
        }
    }

    @Test
    void shouldFreeTheSeatOfACallThatEndedWhileHotlineWasBlind(@TempDir Path directory) throws Exception {
        // given a seat logged in, the recorded call routed to it and answered, over FastAGI
        Path routing = Files.writeString(directory.resolve("routing.properties"), "hours.zone = UTC\n");
        String caller = "1795347580.0";
        try (ScriptedAmiServer asterisk = ScriptedAmiServer.start(0);
             Hotline hotline = Hotline.start(configuration(asterisk.port(), routing))) {
            Map<String, Object> row = hotline.database().jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT code, sip_endpoint FROM seat WHERE tier = 'TIER1' ORDER BY id LIMIT 1").mapToMap().one());
            String seat = (String) row.get("code");
            String device = (String) row.get("sip_endpoint");
            agi(hotline, "agi_network_script: seat?action=login\nagi_channel: " + device + "-0000000a\n\n", caller);
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    hotline.routingSnapshot().seats(Tier.TIER1, SeatState.READY) == 1);
            String recorded = Files.readString(Path.of("..", "testdata", "asterisk-transcripts",
                    "01-queue-tier1-answered-caller-hangs-up.agi1-recv.raw"), StandardCharsets.UTF_8);
            assertThat(agi(hotline, recorded.substring(0, recorded.indexOf("\n\n") + 2), caller))
                    .contains("SET VARIABLE HOTLINE_RESULT ROUTED");
            agi(hotline, "agi_network_script: answered?call=" + caller + "&seat=" + seat + "\n\n", caller);
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    hotline.routingSnapshot().seats(Tier.TIER1, SeatState.ON_CALL) == 1);

            // and Hotline's AMI view of that call: after a reconnect, Asterisk shows its two channels (the next
            // session queued is the restarted Asterisk of recording 10, with nothing live)
            asterisk.afterLoginText(newChannel("PJSIP/carrier-00000000", caller, caller)
                            + newChannel(device + "-00000001", "1795347581.1", caller)
                            + "Event: DeviceStateChange\r\nPrivilege: call,all\r\nDevice: " + device
                            + "\r\nState: INUSE\r\n\r\n")
                    .afterLogin("10-asterisk-restart-mid-call.ami3.ami-recv.raw");
            await().atMost(Duration.ofSeconds(20)).until(() -> hotline.ami().healthCheck().check().status()
                    == ComponentHealth.Status.UP);
            asterisk.dropClients();
            await().atMost(Duration.ofSeconds(20)).until(() -> hotline.ami().view().liveChannels("pbx1").size() == 2);

            // when the AMI socket drops and Hotline reconnects to the restarted Asterisk, no hang-up ever seen
            asterisk.dropClients();

            // then the resync closes the call and the seat is not left stuck on it
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    hotline.routingSnapshot().seats(Tier.TIER1, SeatState.ON_CALL) == 0);
            assertThat(hotline.ami().view().reconciledHangups()).isEqualTo(2);
            assertThat(hotline.ami().view().liveChannels("pbx1")).isEmpty();
        }
    }

    private static String newChannel(String channel, String uniqueId, String linkedId) {
        return "Event: Newchannel\r\nPrivilege: call,all\r\nChannel: " + channel + "\r\nUniqueid: " + uniqueId
                + "\r\nLinkedid: " + linkedId + "\r\n\r\n";
    }

    /** One FastAGI session: sends {@code environment}, answers every command as Asterisk did, returns them. */
    private static List<String> agi(Hotline hotline, String environment, String linkedId) throws Exception {
        return AgiDialogue.session(hotline, environment, linkedId);
    }

    private static HotlineConfiguration configuration(int amiPort) {
        return configuration(amiPort, null);
    }

    private static HotlineConfiguration configuration(int amiPort, Path routing) {
        Map<String, String> values = TestHotlines.amiSettings(DB, amiPort, "ami");
        if (routing != null) {
            values.put("HOTLINE_ROUTING_FILE", routing.toString());
        }
        return HotlineConfiguration.from(Settings.of(values));
    }

    private String get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
