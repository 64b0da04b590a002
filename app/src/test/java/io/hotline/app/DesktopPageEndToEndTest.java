package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.app.simulate.CallerPhone;
import io.hotline.app.simulate.Dialplan;
import io.hotline.app.simulate.ManagerServer;
import io.hotline.app.simulate.SeatPhone;
import io.hotline.app.simulate.SimulatedAsterisk;
import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.telephony.ami.AmiConnection;
import io.hotline.web.page.HeadlessChromium;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The desktop page Hotline serves at {@code /}, in Debian's headless Chromium, against a whole Hotline on the demo
 * organisation: the agent signs in, logs the seat in and goes ready with the page's buttons, a demo customer's call
 * runs the shipped dialplan over real FastAGI and is offered to the seat, the screen-pop with that customer arrives
 * over the real WebSocket while the phone rings and again once the seat's phone answers, the agent fills the work
 * order form and escalates to tier 2; what the page sent is read back from the API. A screenshot is saved as
 * {@code target/screenshots/desktop-live.png}.
 */
class DesktopPageEndToEndTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "desktop-live.png");
    /** Long enough for the page to show the ringing phone before the seat's phone answers. */
    private static final long RING_MILLIS = 3_000;
    /** The caller stays on the line while the agent works the form. */
    private static final long TALK_MILLIS = 40_000;

    @TempDir
    Path directory;
    private Hotline hotline;
    private SimulatedAsterisk pbx;
    private ChromeDriver driver;
    private ManagerServer manager;
    private WebDriverWait wait;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (manager != null) {
            manager.close();
        }
        if (pbx != null) {
            pbx.close();
        }
        if (hotline != null) {
            hotline.close();
        }
    }

    @Test
    void shouldTakeADemoCustomersCallOnThePageFromScreenPopToEscalation() throws Exception {
        // given a whole Hotline, an agent account for a tier-1 seat of a demo customer's product line
        start();
        await().atMost(WAIT).until(hotline.desktop()::ready);
        Map<String, Object> customer = customerAndSeat();
        String seat = (String) customer.get("code");
        String admin = token("admin", "first-admin-pass");
        HttpResponse<String> added = send("POST", "/api/admin/accounts", "{\"login\":\"agent1\",\"role\":\"agent\","
                + "\"seat\":\"" + seat + "\",\"displayName\":\"Agent One\",\"password\":\"agent-one-pass\"}", admin);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

        // when the agent signs in on the page
        driver = HeadlessChromium.start();
        wait = new WebDriverWait(driver, WAIT);
        driver.get("http://127.0.0.1:" + hotline.httpAddress().getPort() + "/");
        type("login-name", "agent1");
        type("login-password", "agent-one-pass");
        click("login-submit");

        // then the desktop shows the logged-out seat, with the push channel live
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("desktop-view")));
        wait.until(ExpectedConditions.attributeToBe(By.id("seat-state"), "data-state", "LOGGED_OUT"));
        assertThat(text("seat-id")).isEqualTo(seat);
        assertThat(text("user-name")).isEqualTo("Agent One · " + seat);
        wait.until(ExpectedConditions.attributeContains(By.id("connection-status"), "class", "live"));

        // when the agent logs the seat in, takes a break and is ready, with the page's buttons
        click("seat-login");
        wait.until(ExpectedConditions.attributeToBe(By.id("seat-state"), "data-state", "READY"));
        click("seat-not-ready");
        new Select(byId("not-ready-reason")).selectByValue("lunch");
        click("not-ready-confirm");
        wait.until(ExpectedConditions.attributeToBe(By.id("seat-state"), "data-state", "NOT_READY"));
        assertThat(text("seat-reason")).isEqualTo("(Lunch)");
        click("seat-ready");
        wait.until(ExpectedConditions.attributeToBe(By.id("seat-state"), "data-state", "READY"));

        // and the customer calls, the seat's phone ringing a while before it answers
        pbx.install(SeatPhone.answering((String) customer.get("sip_endpoint"), "Agent", RING_MILLIS)
                .hangingUpAfter(TALK_MILLIS));
        SimulatedAsterisk.Call call = pbx.call(CallerPhone.customer((String) customer.get("phone_number"),
                "Customer"), "hotline-inbound", "4008001234");

        // then the screen-pop names the customer from the database while the phone rings, then once answered
        wait.until(ExpectedConditions.textToBe(By.id("customer-name"), (String) customer.get("name")));
        assertThat(byId("call-phase").getAttribute("data-phase")).isEqualTo("offered");
        assertThat(driver.getTitle()).startsWith("☎");
        assertThat(byId("products").getText()).isNotBlank();
        wait.until(ExpectedConditions.attributeToBe(By.id("call-phase"), "data-phase", "answered"));
        assertThat(call.channel().variable("HOTLINE_SEAT")).isEqualTo(seat);
        assertThat(text("customer-name")).isEqualTo(customer.get("name"));
        wait.until(ExpectedConditions.textMatches(By.id("wo-id"), Pattern.compile("#\\d+")));
        long workOrderId = Long.parseLong(text("wo-id").substring(1));

        // when the agent fills the work order form and saves it
        type("wo-category", "posting");
        type("wo-notes", "Ledger locked at month end; customer closes November.");
        click("wo-save");

        // then the work order has them
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wo-message"), "Saved"));
        JsonNode saved = workOrder(workOrderId, admin);
        assertThat(saved.get("category").asText()).isEqualTo("posting");
        assertThat(saved.get("notes").asText()).isEqualTo("Ledger locked at month end; customer closes November.");
        assertThat(saved.at("/customer/id").asLong()).isEqualTo(((Number) customer.get("id")).longValue());

        // when the agent escalates it to tier 2 with a reason, the caller still on the line
        assertThat(call.channel().isUp()).isTrue();
        new Select(byId("escalate-to")).selectByValue("TIER2");
        type("escalate-reason", "ledger lock needs a database fix");
        click("escalate-submit");

        // then the page and the work order's trail show the escalation
        wait.until(ExpectedConditions.textToBe(By.id("escalate-message"), "Escalated to Tier 2."));
        assertThat(text("wo-tier")).isEqualTo("Tier 2");
        JsonNode escalated = workOrder(workOrderId, admin);
        assertThat(escalated.get("tier").asText()).isEqualTo("TIER2");
        assertThat(escalated.get("trail")).extracting(step -> step.get("action").asText())
                .contains("OPENED", "CALL_CONNECTED", "DETAILS_CHANGED");
        // (the redirected caller goes on in tier 2's queue, so later steps may follow: find the escalation)
        JsonNode last = null;
        for (JsonNode step : escalated.get("trail")) {
            if ("ESCALATED".equals(step.get("action").asText())) {
                last = step;
            }
        }
        assertThat(last).as("the trail's ESCALATED step").isNotNull();
        assertThat(last.get("reason").asText()).isEqualTo("ledger lock needs a database fix");
        assertThat(last.get("tier").asText()).isEqualTo("TIER2");
        assertThat(last.get("actor").asText()).isEqualTo(seat);
        // and Hotline moved the caller over AMI (Redirect), off the seat, for tier 2's queue
        await().atMost(WAIT).untilAsserted(() -> assertThat(call.channel().experience())
                .anySatisfy(line -> assertThat(line).startsWith("redirected to ")));
        // and the call has left the seat (for tier 2's queue): the seat is ready, the pop says the call is over
        wait.until(ExpectedConditions.attributeToBe(By.id("call-phase"), "data-phase", "ended"));
        assertThat(byId("seat-state").getAttribute("data-state")).isEqualTo("READY");
        assertThat(byId("screen-pop-close").isDisplayed()).isTrue();
        driver.findElement(By.cssSelector("#trail-section summary")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wo-trail"),
                "ledger lock needs a database fix"));
        WebElement step = driver.findElement(By.xpath("//ol[@id='wo-trail']/li[contains(., 'ESCALATED')]"));
        assertThat(step.getText()).contains("by " + seat).contains("ledger lock needs a database fix");
        assertThat(step.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Tier 2");

        // and the screenshot, the whole desktop from its top, is saved; the browser refused nothing of the page
        driver.manage().window().setSize(new Dimension(1366, 1500));
        driver.executeScript("window.scrollTo(0, 0);");
        assertThat(HeadlessChromium.screenshot(driver, SCREENSHOT)).isTrue();
        assertThat(HeadlessChromium.policyRefusals(driver)).isEmpty();
    }

    /** A demo customer with one product line and one phone, no work order, and an active tier-1 seat for it. */
    private static Map<String, Object> customerAndSeat() {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT c.id, c.name, p.phone_number, s.code,"
                + " s.sip_endpoint FROM customer c JOIN customer_phone p ON p.customer_id = c.id"
                + " JOIN customer_product cp ON cp.customer_id = c.id JOIN seat_skill ss ON ss.skill_id ="
                + " cp.product_skill_id JOIN seat s ON s.id = ss.seat_id AND s.tier = 'TIER1' AND s.active"
                + " WHERE NOT EXISTS (SELECT 1 FROM work_order w WHERE w.customer_id = c.id)"
                + " AND (SELECT COUNT(*) FROM customer_product x WHERE x.customer_id = c.id) = 1"
                + " AND (SELECT COUNT(*) FROM customer_phone y WHERE y.phone_number = p.phone_number) = 1"
                + " ORDER BY c.id, s.id LIMIT 1").mapToMap().one());
    }

    private JsonNode workOrder(long id, String token) throws Exception {
        HttpResponse<String> response = send("GET", "/api/work-orders/" + id, null, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String token(String login, String password) throws Exception {
        return PeopleApi.token(PeopleApi.base(hotline), login, password);
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return PeopleApi.send(PeopleApi.base(hotline), method, path, body, token);
    }

    private WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    private String text(String id) {
        return byId(id).getText();
    }

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private void type(String id, String value) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(value);
    }

    private void start() throws Exception {
        Path file = Files.writeString(directory.resolve("routing.properties"), "hours.zone = UTC\nwrap-up = 0s\n");
        int amiPort = HotlineTest.freePort();
        Map<String, String> values = new HashMap<>(Map.of(
                "HOTLINE_ROUTING_FILE", file.toString(),
                "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_HEALTH_INTERVAL", "200ms",
                "HOTLINE_ASTERISK_NAME", "pbx-page",
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh("desktop-page"),
                "HOTLINE_ADMIN_PASSWORD", "first-admin-pass"));
        // With AMI, as a desktop's escalation of a caller on the line needs it (Hotline redirects the caller).
        values.putAll(Map.of("HOTLINE_AMI_HOST", "127.0.0.1:" + amiPort, "HOTLINE_AMI_USER", "cti",
                "HOTLINE_AMI_SECRET", "cti-secret", "HOTLINE_AMI_PING_INTERVAL", "1s"));
        // the production push: desktops hear through the WebSocket hub only
        hotline = Hotline.start(HotlineConfiguration.from(Settings.of(values)));
        // In real time: the seat's phone rings and the seat talks while the page is worked.
        pbx = SimulatedAsterisk.realTime(Dialplan.load(Path.of("..", "docs", "asterisk", "extensions.conf")),
                Map.of("HOTLINE_AGI", "agi://127.0.0.1:" + hotline.agiAddress().getPort()));
        manager = ManagerServer.start("127.0.0.1", amiPort, pbx, new ManagerServer.Credentials("cti", "cti-secret"));
        // Asterisk tells AMI of its channels: Hotline learns the caller's channel it will redirect.
        pbx.listen(manager.channelEvents());
        await().atMost(WAIT).until(() -> hotline.ami().connections().stream().allMatch(AmiConnection::isConnected));
    }
}
