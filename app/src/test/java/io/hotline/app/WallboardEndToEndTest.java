package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.app.simulate.Simulation;
import io.hotline.app.simulate.SimulationSettings;
import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.web.page.HeadlessChromium;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The wallboard in Debian's headless Chromium against a whole Hotline on the demo organisation while the simulated
 * PBX of {@code ./hotline simulate} ({@link Simulation}: the shipped dialplan over real FastAGI and AMI) logs seats
 * in and plays callers: the wall screen opens {@code /wallboard#token=...}, is live, and sees its seat and queue
 * figures change as the calls flow, pushed over {@code /ws}; a screenshot is saved as {@code target/wallboard.png}.
 * <p>
 * Written as steps on one running Hotline ({@link #watchTheWallboardWhileCallsFlow()}, then more, e.g. the
 * service-quality report on the demo data), so that a step can be appended to the test.
 */
class WallboardEndToEndTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Path SCREENSHOT = Path.of("target", "wallboard.png");
    private static final String TOKEN = "end-to-end-wall-screen-token-42";

    @TempDir
    Path directory;
    private final ExecutorService simulator = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "simulated-pbx");
        thread.setDaemon(true);
        return thread;
    });
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private Hotline hotline;
    private Future<Boolean> simulation;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String base;

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (simulation != null) {
            // the simulated PBX ends by itself once its callers are done (bounded by its duration and drain)
            simulation.get(60, TimeUnit.SECONDS);
        }
        simulator.shutdownNow();
        if (hotline != null) {
            hotline.close();
        }
    }

    @Test
    void shouldShowTheWallboardLiveWhileSimulatedCallsFlow() throws Exception {
        startHotlineAndTheSimulatedPbx();
        watchTheWallboardWhileCallsFlow();
    }

    private void startHotlineAndTheSimulatedPbx() throws Exception {
        int amiPort = HotlineTest.freePort();
        Map<String, String> values = TestHotlines.amiSettings(DB, amiPort, "wallboard");
        values.put("HOTLINE_ROUTING_FILE", Files.writeString(directory.resolve("routing.properties"),
                "hours.zone = UTC\nwrap-up = 1s\n").toString());
        values.put("HOTLINE_WALLBOARD_TOKEN", TOKEN);
        hotline = Hotline.start(HotlineConfiguration.from(Settings.of(values)));
        base = "http://127.0.0.1:" + hotline.httpAddress().getPort();
        SimulationSettings settings = new SimulationSettings("agi://127.0.0.1:" + hotline.agiAddress().getPort(),
                new SimulationSettings.AmiSettings("127.0.0.1", amiPort, "cti", "cti-secret"),
                Path.of("..", "docs", "asterisk", "extensions.conf"),
                new SimulationSettings.Load(Duration.ofSeconds(15), 20, 40, Duration.ofSeconds(10), "4008001234", 3),
                List.of("PJSIP/1001", "PJSIP/1002", "PJSIP/1003"),
                new SimulationSettings.People(Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofSeconds(8),
                        Duration.ofSeconds(1), 1.0));
        simulation = simulator.submit(() -> new Simulation(settings,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run());
    }

    /** The wall screen opens the wallboard with its token and sees the figures move as the simulated calls flow. */
    private void watchTheWallboardWhileCallsFlow() throws Exception {
        // when a wall screen opens the wallboard with its token
        driver = HeadlessChromium.start();
        wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        driver.get(base + "/wallboard?lang=en#token=" + TOKEN);

        // then it is live, with the routing file's queue and the demo's tiers
        wait.until(ExpectedConditions.attributeToBe(By.id("wb-status"), "data-live", "true"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#wb-seats tr[data-tier=TIER1]")));
        String first = figures();

        // and as the simulated seats log in and take calls, the numbers change without a reload
        wait.until(driver -> !figures().equals(first));
        wait.until(driver -> seats("TIER1", "RESERVED") + seats("TIER1", "ON_CALL") + seats("TIER1", "WRAP_UP")
                > 0);
        assertThat(driver.findElement(By.id("wb-status")).getAttribute("data-live")).as(printed.toString(
                StandardCharsets.UTF_8)).isEqualTo("true");
        assertThat(HeadlessChromium.screenshot(driver, SCREENSHOT)).isTrue();
        assertThat(HeadlessChromium.policyRefusals(driver)).isEmpty();
    }

    /** The queues' and the seats' tables as the wall shows them now. */
    private String figures() {
        return driver.findElement(By.id("wb-queues")).getText() + "\n"
                + driver.findElement(By.id("wb-seats")).getText();
    }

    private int seats(String tier, String state) {
        return Integer.parseInt(driver.findElement(By.cssSelector("#wb-seats tr[data-tier=" + tier
                + "] td[data-state=" + state + "]")).getText());
    }
}
