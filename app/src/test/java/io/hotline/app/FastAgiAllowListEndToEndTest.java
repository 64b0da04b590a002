package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import io.hotline.telephony.agi.FakeAsteriskClient;
import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hotline whole, with FastAGI open only to 10.0.0.0/8: a client on loopback is a stranger. Its seat login and its
 * route request are closed before they are read: no seat logs in, no work order or call is recorded, and
 * {@code /metrics} counts the refusals.
 */
class FastAgiAllowListEndToEndTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();

    private static Hotline hotline;

    @BeforeAll
    static void start() {
        hotline = Hotline.start(HotlineConfiguration.from(Settings.of(Map.of(
                "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_AGI_ALLOW", "10.0.0.0/8",
                "HOTLINE_ASTERISK_NAME", "pbx-lab",
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh("agi-allow-list")))));
    }

    @AfterAll
    static void stop() {
        if (hotline != null) {
            hotline.close();
        }
    }

    @Test
    void shouldNeitherLogSeatsInNorOpenWorkOrdersForAStranger() throws Exception {
        // given: a seat of the demo organisation, and the recorded route request
        String dialString = hotline.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT sip_endpoint FROM seat WHERE tier = 'TIER1' ORDER BY id LIMIT 1").mapTo(String.class).one());
        String recorded = Files.readString(Path.of("..", "testdata", "asterisk-transcripts",
                "01-queue-tier1-answered-caller-hangs-up.agi1-recv.raw"), StandardCharsets.UTF_8);

        // when: the stranger logs the seat in and sends a call; then: each is closed without a command
        assertThat(closedWithoutACommand("agi_network_script: seat?action=login\nagi_channel: " + dialString
                + "-0000000a\n\n")).isTrue();
        assertThat(closedWithoutACommand(recorded.substring(0, recorded.indexOf("\n\n") + 2))).isTrue();

        // then: both refused and counted; nothing happened
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(metrics())
                .contains("hotline_agi_errors_total{application=\"hotline\",kind=\"refused\"} 2.0"));
        assertThat(hotline.routingSnapshot().seats(Tier.TIER1, SeatState.READY)).isZero();
        assertThat(count("work_order")).isZero();
        assertThat(count("call_record")).isZero();
    }

    /** Sends {@code request}; whether Hotline closed (or reset: data it never read) without sending a command. */
    private static boolean closedWithoutACommand(String request) throws IOException {
        try (FakeAsteriskClient client = FakeAsteriskClient.connect(hotline.agiAddress())) {
            client.send(request);
            return client.readCommand() == null;
        } catch (SocketException e) {
            return true;
        }
    }

    private static int count(String table) {
        return hotline.database().jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table)
                .mapTo(Integer.class).one());
    }

    private static String metrics() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + hotline.httpAddress().getPort() + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
