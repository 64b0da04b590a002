package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.app.simulate.Simulation;
import io.hotline.app.simulate.SimulationSettings;
import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.web.page.HeadlessChromium;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * The figures in Debian's headless Chromium, one browser against a whole Hotline on the demo organisation while the
 * simulated PBX of {@code ./hotline simulate} ({@link Simulation}: the shipped dialplan over real FastAGI and AMI)
 * logs seats in and plays callers. The wall screen opens {@code /wallboard#token=...}, is live, and sees the seat and
 * queue figures change as the calls flow, pushed over {@code /ws}, and today's figures read from the records rise as
 * calls end (Hotline reads them every second here, {@code HOTLINE_FIGURES_INTERVAL=1s}); a screenshot is saved as
 * {@code target/wallboard.png}. Then, in the same browser, a supervisor signs in and opens today's service-quality
 * report from the running Hotline ({@code GET /api/reports/service-quality}): every chart drawn, nothing fetched;
 * a screenshot is saved as {@code target/service-quality-report.png}. The report opened from its file, offline, is
 * {@link ReportPageEndToEndTest}.
 * <p>
 * Written as steps on one running Hotline, so that a step can be appended to the test.
 */
class WallboardEndToEndTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Path SCREENSHOT = Path.of("target", "wallboard.png");
    private static final Path REPORT_SCREENSHOT = Path.of("target", "service-quality-report.png");
    private static final String TOKEN = "end-to-end-wall-screen-token-42";
    private static final String ADMIN_PASSWORD = "first-admin-pass";
    private static final String SUPERVISOR_PASSWORD = "supervisor-pass";
    private static final ObjectMapper JSON = new ObjectMapper();

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
    private int answeredAtFirst;
    private int offeredAtFirst;

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
        seeTodaysFiguresRiseAsCallsEnd();
        openTodaysReportAsASupervisor();
    }

    private void startHotlineAndTheSimulatedPbx() throws Exception {
        int amiPort = HotlineTest.freePort();
        Map<String, String> values = TestHotlines.amiSettings(DB, amiPort, "wallboard");
        values.put("HOTLINE_ROUTING_FILE", Files.writeString(directory.resolve("routing.properties"),
                "hours.zone = UTC\nwrap-up = 1s\n").toString());
        values.put("HOTLINE_WALLBOARD_TOKEN", TOKEN);
        values.put("HOTLINE_FIGURES_INTERVAL", "1s");
        values.put("HOTLINE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        hotline = Hotline.start(HotlineConfiguration.from(Settings.of(values)));
        base = "http://127.0.0.1:" + hotline.httpAddress().getPort();
        SimulationSettings settings = new SimulationSettings("agi://127.0.0.1:" + hotline.agiAddress().getPort(),
                new SimulationSettings.AmiSettings("127.0.0.1", amiPort, "cti", "cti-secret"),
                Path.of("..", "docs", "asterisk", "extensions.conf"),
                new SimulationSettings.Load(Duration.ofSeconds(20), 20, 40, Duration.ofSeconds(10), "4008001234", 3),
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
        answeredAtFirst = answeredToday();
        offeredAtFirst = offeredToday();

        // and as the simulated seats log in and take calls, the numbers change without a reload
        wait.until(driver -> !figures().equals(first));
        wait.until(driver -> seats("TIER1", "RESERVED") + seats("TIER1", "ON_CALL") + seats("TIER1", "WRAP_UP")
                > 0);
        assertThat(driver.findElement(By.id("wb-status")).getAttribute("data-live")).as(printed.toString(
                StandardCharsets.UTF_8)).isEqualTo("true");
    }

    /**
     * Today's figures, read from {@code call_record} every second, rise as the simulated calls end: the wall's
     * "answered" and the snapshot's "offered" (which the wall does not show), fetched by the page with its token,
     * above what they were when the wall first went live ("—", -1 here, until the first read).
     */
    private void seeTodaysFiguresRiseAsCallsEnd() throws Exception {
        int answered = Math.max(0, answeredAtFirst);
        int offered = Math.max(0, offeredAtFirst);

        // then, as calls end and their records are written, both rise on the wall without a reload
        wait.withMessage(() -> "today's figures did not rise from answered " + answered + ", offered " + offered + ": "
                + driver.findElement(By.id("wb-updated")).getText() + " " + figures() + "; " + wallboard()
                + "\n" + printed.toString(StandardCharsets.UTF_8)).until(driver -> answeredToday() > answered);
        wait.until(driver -> offeredToday() > offered);
        assertThat(driver.findElement(By.id("wb-status")).getAttribute("data-live")).isEqualTo("true");
        assertThat(HeadlessChromium.screenshot(driver, SCREENSHOT)).isTrue();
        assertThat(HeadlessChromium.policyRefusals(driver)).isEmpty();
    }

    /** A supervisor signs in in the same browser and opens today's report of the running Hotline's records. */
    private void openTodaysReportAsASupervisor() throws Exception {
        // given a supervisor
        URI api = PeopleApi.base(hotline);
        String admin = PeopleApi.token(api, "admin", ADMIN_PASSWORD);
        assertThat(PeopleApi.send(api, "POST", "/api/admin/accounts", "{\"login\":\"boss\",\"role\":"
                + "\"supervisor\",\"displayName\":\"Boss\",\"password\":\"" + SUPERVISOR_PASSWORD + "\"}", admin)
                .statusCode()).isEqualTo(201);

        // when the supervisor signs in on the page
        driver.get(base + "/?lang=en");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-name"))).sendKeys("boss");
        driver.findElement(By.id("login-password")).sendKeys(SUPERVISOR_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("supervisor-view")));

        // and opens today's service-quality report, served by the running Hotline from its records
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ReportPages.assertReportRendered(driver, base + "/api/reports/service-quality?format=html&lang=en&from="
                + today + "&to=" + today.plusDays(1));

        // then it is today's report, one week, with its totals
        assertThat(driver.findElement(By.id("period")).getText()).isEqualTo(today + " – " + today);
        assertThat(driver.findElements(By.cssSelector("#weeks tbody tr"))).hasSize(1);
        assertThat(driver.findElement(By.id("totals")).getText()).contains("Closure rate", "NPS");
        assertThat(HeadlessChromium.screenshot(driver, REPORT_SCREENSHOT)).isTrue();
    }

    /** Today's answered calls of the queue {@code support} as the wall shows them; -1 while not read yet. */
    private int answeredToday() {
        String text = driver.findElement(By.cssSelector("#wb-queues tr[data-queue=support] td[data-field=answered]"))
                .getText();
        return text.matches("\\d+") ? Integer.parseInt(text) : -1;
    }

    /** Today's offered calls of the queue {@code support} in {@code GET /api/wallboard}, fetched by the page. */
    private int offeredToday() {
        String body = wallboard();
        try {
            JsonNode today = JSON.readTree(body).get("queues").findParents("name").stream()
                    .filter(queue -> "support".equals(queue.get("name").asText())).findFirst().orElseThrow()
                    .get("today");
            return today.isNull() ? -1 : today.get("offered").asInt();
        } catch (JsonProcessingException e) {
            throw new AssertionError("GET /api/wallboard: " + body, e);
        }
    }

    /** The body of {@code GET /api/wallboard}, fetched by the page with its token. */
    private String wallboard() {
        Object body = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('/api/wallboard', {headers: {Authorization: 'Bearer ' + arguments[0]}})"
                + ".then(function (r) { return r.text(); }).then(done, function (e) { done(String(e)); });", TOKEN);
        return String.valueOf(body);
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
