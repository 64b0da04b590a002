package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.app.simulate.Simulation;
import io.hotline.app.simulate.SimulationSettings;
import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
 * A short {@link Simulation} in real time against a whole Hotline in this JVM (the process test,
 * {@code SimulateProcessIT}, runs the 60 s one with the packaged jar): Hotline logs in to the simulated AMI, the
 * seats log in from their keypads, callers are routed and answered, seats wrap up and are ready again, and every
 * caller leaves one work order.
 */
class SimulationTest {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();

    @Test
    void shouldPlayCallersAndSeatsAgainstHotlineOverFastAgiAndAmi(@TempDir Path directory) throws Exception {
        int amiPort = HotlineTest.freePort();
        Map<String, String> values = TestHotlines.amiSettings(DB, amiPort, "simulation");
        values.put("HOTLINE_ROUTING_FILE", Files.writeString(directory.resolve("routing.properties"),
                "hours.zone = UTC\nwrap-up = 1s\n").toString());
        try (Hotline hotline = Hotline.start(HotlineConfiguration.from(Settings.of(values)))) {
            SimulationSettings settings = new SimulationSettings("agi://127.0.0.1:" + hotline.agiAddress().getPort(),
                    new SimulationSettings.AmiSettings("127.0.0.1", amiPort, "cti", "cti-secret"),
                    Path.of("..", "docs", "asterisk", "extensions.conf"),
                    new SimulationSettings.Load(Duration.ofSeconds(6), 8, 60, Duration.ofSeconds(10), "4008001234", 3),
                    List.of("PJSIP/1001", "PJSIP/1002", "PJSIP/9999"),
                    new SimulationSettings.People(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(5),
                            Duration.ofMillis(500), 1.0));
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            boolean ran = new Simulation(settings, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

            String output = printed.toString(StandardCharsets.UTF_8);
            assertThat(ran).as(output).isTrue();
            assertThat(output).contains("Hotline logs in over AMI", "seat 1001 logs in (*21)",
                    "phone PJSIP/9999 dialled *21: Hotline refused (UNKNOWN_SEAT), left out", "routed to seat",
                    "answers", "rated the service", "presses *24 (ready): OK", "seat 1002 logs out (*22): OK",
                    "--- summary ---", "seats logged in: 2");
            int callers = arrived(output);
            assertThat(callers).isPositive();
            await().atMost(Duration.ofSeconds(10)).until(() -> hotline.database().jdbi().withHandle(handle -> handle
                    .createQuery("SELECT COUNT(*) FROM work_order WHERE asterisk_server = 'pbx1'")
                    .mapTo(Integer.class).one()) == callers);
            assertThat(hotline.routingSnapshot().seats(Tier.TIER1, SeatState.LOGGED_OUT)).isPositive();
            assertThat(hotline.routingSnapshot().seats(Tier.TIER1, SeatState.READY)).isZero();
        }
    }

    private static int arrived(String output) {
        Matcher matcher = Pattern.compile("callers: (\\d+) arrived").matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
