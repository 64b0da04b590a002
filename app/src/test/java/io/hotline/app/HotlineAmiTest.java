package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.telephony.ami.ScriptedAmiServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hotline with HOTLINE_AMI_HOST set, against a scripted Asterisk manager interface on loopback. */
class HotlineAmiTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.empty();

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

    private static HotlineConfiguration configuration(int amiPort) {
        return HotlineConfiguration.from(Settings.of(Map.of(
                "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_HEALTH_INTERVAL", "500ms",
                "HOTLINE_ASTERISK_NAME", "pbx1",
                "HOTLINE_AMI_HOST", "127.0.0.1:" + amiPort,
                "HOTLINE_AMI_USER", "cti",
                "HOTLINE_AMI_SECRET", "cti-secret",
                "HOTLINE_AMI_PING_INTERVAL", "1s")));
    }

    private String get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
