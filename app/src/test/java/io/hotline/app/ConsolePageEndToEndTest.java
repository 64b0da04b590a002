package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.app.simulate.CallerPhone;
import io.hotline.app.simulate.Dialplan;
import io.hotline.app.simulate.SeatPhone;
import io.hotline.app.simulate.SimulatedAsterisk;
import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.web.page.HeadlessChromium;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The duty manager's console page, in Debian's headless Chromium, against a whole Hotline on the demo organisation
 * (issue 16's field leg): a call from demo customer C00012 (Suzhou, 31.174823, 120.459511) runs the shipped dialplan
 * over real FastAGI and is answered by a seat; BR-SUZHOU's duty manager has the console open in two tabs when a
 * supervisor escalates the work order on site over the API. The order appears on both without a reload, its
 * acknowledgement clock counting down, its marker south-west of the branch on the map; the duty manager
 * acknowledges, assigns one of the branch's engineers and books the visit with the page's buttons in the first tab
 * while the second, which does nothing, follows every step over {@code /ws}; the engineer's ARRIVE then comes
 * through the signed SMS webhook and both tabs show the order on site. What the page sent is read back from the API.
 * A screenshot is saved as {@code target/screenshots/console-live.png}.
 */
class ConsolePageEndToEndTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "console-live.png");
    private static final String SECRET = "console-page-webhook-secret";
    private static final String ASTERISK = "pbx-console-page";
    /** A number of the test's own, mapped to demo customer C00012 (Suzhou Yongxin Printing). */
    private static final String CALLER = "+4930123412";
    private static final long CUSTOMER = 12;
    private static final String BRANCH = "BR-SUZHOU";
    private static final String ENGINEER = "FE-044";
    private static final String MANAGER = "dm.suzhou";
    private static final String MANAGER_PASSWORD = "duty-manager-pass";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    @TempDir
    Path directory;
    private Hotline hotline;
    private SimulatedAsterisk pbx;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private long workOrder;
    private String supervisor;
    private String branchName;
    private List<String> engineers;
    /** The duty manager's tab that acts, and a second one that only watches. */
    private String working;
    private String watching;

    @BeforeAll
    static void customerCallsFromTheTestsNumber() {
        // Before Hotline starts: it reads the callers' numbers into memory at start.
        DB.jdbi().useHandle(handle -> handle.execute("INSERT INTO customer_phone (customer_id, phone_number, label)"
                + " VALUES (?, ?, 'test')", CUSTOMER, CALLER));
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (pbx != null) {
            pbx.close();
        }
        if (hotline != null) {
            hotline.close();
        }
    }

    @Test
    void shouldWorkAnOnSiteEscalationOnTheConsoleFromSentToOnSiteWithEveryStepPushed() throws Exception {
        // given a whole Hotline, a supervisor, Suzhou's duty manager, and a call of C00012 answered by a seat
        start();
        await().atMost(WAIT).until(hotline.desktop()::ready);
        String admin = token("admin", "first-admin-pass");
        account(admin, "{\"login\":\"hq\",\"role\":\"supervisor\",\"displayName\":\"Head Quarters\","
                + "\"password\":\"supervisor-pass\"}");
        account(admin, "{\"login\":\"" + MANAGER + "\",\"role\":\"duty-manager\",\"branch\":\"" + BRANCH + "\","
                + "\"displayName\":\"Cai Qiang\",\"password\":\"" + MANAGER_PASSWORD + "\"}");
        supervisor = token("hq", "supervisor-pass");
        workOrder = answeredCall(admin);
        branchName = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT name FROM branch WHERE code"
                + " = :code").bind("code", BRANCH).mapTo(String.class).one());
        engineers = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT CONCAT(e.name, ' (',"
                + " e.code, ')') FROM field_engineer e JOIN branch b ON b.id = e.branch_id WHERE b.code = :code"
                + " AND e.active ORDER BY e.code").bind("code", BRANCH).mapTo(String.class).list());
        assertThat(engineers).as("the demo's engineers of BR-SUZHOU").hasSize(4)
                .allSatisfy(label -> assertThat(label).matches(".+ \\(FE-04[3-6]\\)"));

        signInOnTwoTabs();
        escalateAndSeeTheOrderPushed();
        openAndAcknowledge();
        assignAnEngineer();
        bookTheVisit();
        receiveTheEngineersArrival();
        assertNeitherTabReloaded();
    }

    private void signInOnTwoTabs() {
        // when the duty manager signs in on the page, and opens the console in a second tab too
        driver = HeadlessChromium.start();
        wait = new WebDriverWait(driver, WAIT);
        // the list and the map are drawn anew on every change: an element found a moment ago may be gone
        wait.ignoring(StaleElementReferenceException.class);
        driver.get(PeopleApi.base(hotline) + "/");
        type("login-name", MANAGER);
        type("login-password", MANAGER_PASSWORD);
        click("login-submit");
        working = driver.getWindowHandle();
        awaitEmptyLiveConsole();
        driver.switchTo().newWindow(WindowType.TAB);
        watching = driver.getWindowHandle();
        driver.get(PeopleApi.base(hotline) + "/");
        awaitEmptyLiveConsole();
    }

    private void escalateAndSeeTheOrderPushed() throws Exception {
        // when the supervisor escalates the work order on site
        HttpResponse<String> escalated = send("POST", "/api/work-orders/" + workOrder + "/escalate",
                "{\"to\":\"ON_SITE\",\"reason\":\"licence server will not start\",\"site\":\"苏州工业园区星湖街 88 号\"}",
                supervisor);
        assertThat(escalated.statusCode()).as(escalated.body()).isEqualTo(200);

        // then the order appears on both tabs, pushed: sent to Suzhou, its acknowledgement due in 10 minutes
        for (String tab : List.of(watching, working)) {
            driver.switchTo().window(tab);
            wait.until(driver -> orderIds().equals(List.of(String.valueOf(workOrder))));
            assertThat(rowState(workOrder)).isEqualTo("SENT");
            assertThat(isDisplayed("con-no-orders")).isFalse();
        }
        JsonNode sent = dispatch(workOrder, supervisor);
        assertThat(sent.get("state").asText()).isEqualTo("SENT");
        assertThat(sent.get("branch").asText()).isEqualTo(BRANCH);
        WebElement ack = clock(workOrder, "acknowledge");
        assertThat(ack.getAttribute("data-level")).isEqualTo("ok");
        String first = ack.findElement(By.className("clock-value")).getText();
        assertThat(first).matches("9:[0-5]\\d left");
        wait.until(driver -> !clockValue(workOrder, "acknowledge").equals(first));
        assertThat(clockValue(workOrder, "acknowledge")).matches("9:[0-5]\\d left");
        assertThat(clockValue(workOrder, "assign")).isEqualTo("—");
        assertThat(row(workOrder).getText()).contains("Waiting for acknowledgement").contains("星湖街 88 号");

        // and the map has the branch in the middle and the order's marker south-west of it, where Suzhou's customer is
        WebElement square = driver.findElement(By.cssSelector("#con-map .map-branch[data-branch='" + BRANCH
                + "'] rect"));
        assertThat(Double.parseDouble(square.getAttribute("x")) + 7).isEqualTo(240.0);
        assertThat(Double.parseDouble(square.getAttribute("y")) + 7).isEqualTo(180.0);
        WebElement marker = marker(workOrder);
        assertThat(marker.getAttribute("data-state")).isEqualTo("SENT");
        assertThat(Double.parseDouble(marker.getAttribute("data-x"))).isBetween(40.0, 239.0);
        assertThat(Double.parseDouble(marker.getAttribute("data-y"))).isBetween(181.0, 320.0);
        assertThat(marker.findElement(By.tagName("text")).getText()).isEqualTo("#" + workOrder);
    }

    private void openAndAcknowledge() throws Exception {
        // when the duty manager opens it from the map (its dot)
        marker(workOrder).findElement(By.tagName("circle")).click();
        wait.until(ExpectedConditions.textToBe(By.id("con-id"), String.valueOf(workOrder)));

        // then it is held by Suzhou, 18 km away, Wuxi next; only acknowledging is offered
        assertThat(detailState()).isEqualTo("SENT");
        assertThat(text("con-state")).isEqualTo("Waiting for acknowledgement");
        assertThat(text("con-held-by")).matches(Pattern.quote(branchName) + ", 1[7-9](\\.\\d)? km away");
        assertThat(text("con-contact")).isEqualTo(CALLER);
        assertThat(text("con-site")).isEqualTo("苏州工业园区星湖街 88 号 · Jiangsu");
        List<WebElement> ranking = driver.findElements(By.cssSelector("#con-ranking li"));
        assertThat(ranking.get(0).getText()).contains("(" + BRANCH + ")");
        assertThat(ranking.get(1).getText()).contains("(BR-WUXI)");
        assertThat(isDisplayed("con-acknowledge")).isTrue();
        assertThat(isDisplayed("con-assign-form")).isFalse();
        assertThat(isDisplayed("con-appointment-form")).isFalse();
        assertThat(isDisplayed("con-follow-up-form")).isFalse();
        assertThat(isDisplayed("con-place-form")).as("placing is headquarters'").isFalse();
        awaitTrail("Sent");
        assertThat(text("con-trail")).contains("by hq · leg 1 to " + BRANCH + ", 1");
        wait.until(driver -> text("con-sms").contains("Hotline: dispatch order " + workOrder + " (ERP_U8)"));

        // when the duty manager acknowledges
        click("con-acknowledge");

        // then the acknowledgement clock stops, the 4-hour assignment clock runs, and only assigning is offered
        wait.until(ExpectedConditions.attributeToBe(By.id("con-state"), "data-state", "ACKNOWLEDGED"));
        assertThat(text("con-action-message")).isEqualTo("Acknowledged: assign an engineer within 4 hours.");
        wait.until(driver -> clockValue(workOrder, "assign").matches("3:59:[0-5]\\d left"));
        assertThat(clockValue(workOrder, "acknowledge")).isEqualTo("—");
        assertThat(isDisplayed("con-ack-section")).isFalse();
        assertThat(isDisplayed("con-assign-form")).isTrue();
        assertThat(isDisplayed("con-appointment-form")).isFalse();
        assertThat(byId("con-assign").getText()).isEqualTo("Assign");
        awaitTrail("Sent", "Acknowledged");
        assertThat(driver.findElement(By.xpath("//ol[@id='con-trail']/li[contains(., 'Acknowledged')]")).getText())
                .contains("by " + MANAGER);
        assertThat(dispatch(workOrder, supervisor).at("/legs/0/acknowledgedAt").isTextual()).isTrue();
        awaitPushed("ACKNOWLEDGED");
    }

    private void assignAnEngineer() throws Exception {
        // when the duty manager assigns an engineer of the branch from the select
        Select select = new Select(byId("con-engineer-select"));
        assertThat(select.getOptions()).extracting(WebElement::getText).containsExactlyElementsOf(engineers);
        select.selectByValue(ENGINEER);
        click("con-assign");

        // then the order has its engineer, the assignment clock stopped, and the appointment may be booked
        wait.until(ExpectedConditions.attributeToBe(By.id("con-state"), "data-state", "ASSIGNED"));
        String engineer = engineers.stream().filter(label -> label.endsWith("(" + ENGINEER + ")")).findFirst()
                .orElseThrow();
        assertThat(text("con-engineer")).isEqualTo(engineer);
        assertThat(byId("con-assign").getText()).isEqualTo("Reassign");
        assertThat(isDisplayed("con-appointment-form")).isTrue();
        wait.until(driver -> clockValue(workOrder, "assign").equals("—"));
        assertThat(row(workOrder).getText()).contains("Engineer assigned").contains(engineer);
        awaitTrail("Sent", "Acknowledged", "Engineer assigned");
        assertThat(dispatch(workOrder, supervisor).at("/engineer/code").asText()).isEqualTo(ENGINEER);
        awaitPushed("ASSIGNED");
    }

    private void bookTheVisit() throws Exception {
        // when the duty manager books the visit agreed with the customer, two hours from now
        String agreed = (String) driver.executeScript("var at = new Date(Date.now() + 2 * 3600 * 1000);"
                + " at.setSeconds(0, 0);"
                + " var pad = function (n) { return (n < 10 ? '0' : '') + n; };"
                + " document.getElementById('con-appointment').value = at.getFullYear() + '-' + pad(at.getMonth() + 1)"
                + " + '-' + pad(at.getDate()) + 'T' + pad(at.getHours()) + ':' + pad(at.getMinutes());"
                + " return at.toISOString();");
        click("con-book");

        // then it is scheduled for that time
        wait.until(ExpectedConditions.attributeToBe(By.id("con-state"), "data-state", "SCHEDULED"));
        assertThat(text("con-appointment-at")).isNotEqualTo("—");
        assertThat(text("con-arrived")).isEqualTo("—");
        assertThat(isDisplayed("con-appointment-form")).as("rebooking before arrival").isTrue();
        awaitTrail("Sent", "Acknowledged", "Engineer assigned", "Appointment booked");
        assertThat(Instant.parse(dispatch(workOrder, supervisor).get("appointmentAt").asText()))
                .isEqualTo(Instant.parse(agreed));
        awaitPushed("SCHEDULED");
    }

    private void receiveTheEngineersArrival() throws Exception {
        // when the engineer texts ARRIVE from the registered mobile, through the signed webhook
        String mobile = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT mobile_phone FROM field_engineer"
                + " WHERE code = :code").bind("code", ENGINEER).mapTo(String.class).one());
        JsonNode arrive = sms("console-e2e-" + workOrder, mobile, "ARRIVE " + workOrder);
        assertThat(arrive.get("status").asText()).as(arrive.toString()).isEqualTo("accepted");

        // then the page, which did nothing, shows the engineer on site with the text message, and offers nothing more
        wait.until(ExpectedConditions.attributeToBe(By.id("con-state"), "data-state", "ON_SITE"));
        assertThat(text("con-state")).isEqualTo("Engineer on site");
        assertThat(text("con-arrived")).isNotEqualTo("—");
        assertThat(text("con-action-message")).as("the booking's message, stale once the engineer arrived").isEmpty();
        assertThat(rowState(workOrder)).isEqualTo("ON_SITE");
        assertThat(marker(workOrder).getAttribute("data-state")).isEqualTo("ON_SITE");
        for (String form : List.of("con-ack-section", "con-assign-form", "con-appointment-form",
                "con-follow-up-form", "con-place-form")) {
            assertThat(isDisplayed(form)).as(form).isFalse();
        }
        awaitTrail("Sent", "Acknowledged", "Engineer assigned", "Appointment booked", "Arrived");
        assertThat(driver.findElement(By.xpath("//ol[@id='con-trail']/li[contains(., 'Arrived')]")).getText())
                .contains("by " + ENGINEER);
        By fromEngineer = By.xpath("//ul[@id='con-sms']/li[contains(., 'from " + mobile + "')]");
        wait.until(ExpectedConditions.numberOfElementsToBe(fromEngineer, 1));
        assertThat(driver.findElement(fromEngineer).getText()).endsWith(" ARRIVE " + workOrder + " (accepted)");
        assertThat(driver.findElement(By.xpath("//ul[@id='con-sms']/li[contains(., 'to " + mobile + "')]"))
                .getText()).contains("order " + workOrder + " assigned to you");
        assertThat(dispatch(workOrder, supervisor).get("arrivedAt").isTextual()).isTrue();
        awaitPushed("ON_SITE");
    }

    /** Neither tab reloaded: each read the console once, every change came over the push channel. */
    private void assertNeitherTabReloaded() throws Exception {
        for (String tab : List.of(watching, working)) {
            driver.switchTo().window(tab);
            assertThat(driver.executeScript("return window.consoleE2eTab;")).as("the page was not reloaded")
                    .isEqualTo(tab);
            assertThat(((Number) driver.executeScript("return performance.getEntriesByType('resource')"
                    + ".filter(function (entry) { return new URL(entry.name).pathname === '/api/console'; })"
                    + ".length;")).intValue()).as("GET /api/console in this tab").isEqualTo(1);
            assertThat(text("connection-status")).isEqualTo("Live");
            assertThat(HeadlessChromium.policyRefusals(driver)).isEmpty();
        }
        driver.manage().window().setSize(new Dimension(1366, 1700));
        driver.executeScript("window.scrollTo(0, 0);");
        assertThat(HeadlessChromium.screenshot(driver, SCREENSHOT)).isTrue();
    }

    /** The console of Suzhou with no order, its push channel live; the tab is marked to tell a reload. */
    private void awaitEmptyLiveConsole() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console-view")));
        wait.until(ExpectedConditions.textToBe(By.id("connection-status"), "Live"));
        wait.until(ExpectedConditions.textToBe(By.id("con-branch-name"), branchName + " (" + BRANCH + ")"));
        assertThat(text("user-name")).isEqualTo("Cai Qiang · " + BRANCH);
        assertThat(isDisplayed("view-tabs")).isFalse();
        wait.until(driver -> isDisplayed("con-no-orders"));
        assertThat(orderIds()).isEmpty();
        driver.executeScript("window.consoleE2eTab = arguments[0];", driver.getWindowHandle());
    }

    /** The watching tab, which never acts, shows the order in {@code state}; then back to the working tab. */
    private void awaitPushed(String state) {
        driver.switchTo().window(watching);
        wait.until(driver -> state.equals(rowState(workOrder)));
        assertThat(marker(workOrder).getAttribute("data-state")).isEqualTo(state);
        driver.switchTo().window(working);
    }

    /** The trail's step names, oldest first, once they are exactly {@code steps}. */
    private void awaitTrail(String... steps) {
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the trail shows " + trail()).until(driver -> trail().equals(List.of(steps)));
    }

    private List<String> trail() {
        return driver.findElements(By.cssSelector("#con-trail li .badge")).stream().map(WebElement::getText)
                .toList();
    }

    /**
     * The agent's seat (tier 1, ERP_U8, the line the dialled number serves) logs in; C00012 calls and the seat's
     * phone answers: the call's work order, in progress.
     */
    private long answeredCall(String admin) throws Exception {
        Map<String, Object> seat = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT s.code, s.sip_endpoint"
                + " FROM seat s JOIN seat_skill ss ON ss.seat_id = s.id JOIN skill k ON k.id = ss.skill_id"
                + " WHERE s.tier = 'TIER1' AND s.active AND k.code = 'ERP_U8' ORDER BY s.id LIMIT 1").mapToMap()
                .one());
        account(admin, "{\"login\":\"agent1\",\"role\":\"agent\",\"seat\":\"" + seat.get("code") + "\","
                + "\"displayName\":\"Agent One\",\"password\":\"agent-one-pass\"}");
        String agent = token("agent1", "agent-one-pass");
        HttpResponse<String> login = send("POST", "/api/seat/login", "", agent);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        pbx.install(SeatPhone.answering((String) seat.get("sip_endpoint"), "Agent", 200).hangingUpAfter(1_000));
        SimulatedAsterisk.Call call = pbx.call(CallerPhone.customer(CALLER, "Suzhou Yongxin"), "hotline-inbound",
                "4008001234");
        long opened = await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> DB.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT id FROM work_order WHERE asterisk_server = :server")
                        .bind("server", ASTERISK).mapTo(Long.class).findOne().orElse(null)), id -> id != null);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> "IN_PROGRESS".equals(
                workOrderJson(opened, supervisor).path("state").asText()));
        assertThat(call.channel().variable("HOTLINE_SEAT")).isEqualTo(seat.get("code"));
        JsonNode answered = workOrderJson(opened, supervisor);
        assertThat(answered.at("/customer/id").asLong()).isEqualTo(CUSTOMER);
        assertThat(answered.get("productLine").asText()).isEqualTo("ERP_U8");
        return opened;
    }

    private JsonNode workOrderJson(long id, String token) throws Exception {
        HttpResponse<String> response = send("GET", "/api/work-orders/" + id, null, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode dispatch(long id, String token) throws Exception {
        HttpResponse<String> response = send("GET", "/api/dispatch/" + id, null, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Posts an inbound SMS to the webhook, signed now as the gateway signs; the answer's JSON. */
    private JsonNode sms(String id, String from, String text) throws Exception {
        Instant at = Instant.now();
        String body = JSON.writeValueAsString(Map.of("id", id, "from", from, "text", text, "sent_at",
                at.toString()));
        String timestamp = Long.toString(at.getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
        URI uri = PeopleApi.base(hotline).resolve("/sms/inbound");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json").header("X-Hotline-Timestamp", timestamp)
                .header("X-Hotline-Signature", signature).timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", text, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void account(String adminToken, String body) throws Exception {
        HttpResponse<String> response = send("POST", "/api/admin/accounts", body, adminToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private String token(String login, String password) throws Exception {
        return PeopleApi.token(PeopleApi.base(hotline), login, password);
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return PeopleApi.send(PeopleApi.base(hotline), method, path, body, token);
    }

    private List<String> orderIds() {
        return driver.findElements(By.cssSelector("#con-orders tbody tr")).stream()
                .map(row -> row.getAttribute("data-order")).toList();
    }

    private WebElement row(long id) {
        return driver.findElement(By.cssSelector("#con-orders tr[data-order='" + id + "']"));
    }

    private String rowState(long id) {
        return row(id).findElement(By.cssSelector(".state-badge")).getAttribute("data-state");
    }

    private WebElement clock(long id, String name) {
        return row(id).findElement(By.cssSelector("td[data-clock=" + name + "]"));
    }

    private String clockValue(long id, String name) {
        return clock(id, name).findElement(By.className("clock-value")).getText();
    }

    private WebElement marker(long id) {
        return driver.findElement(By.cssSelector("#con-map .map-marker[data-order='" + id + "']"));
    }

    private String detailState() {
        return byId("con-state").getAttribute("data-state");
    }

    private boolean isDisplayed(String id) {
        return byId(id).isDisplayed();
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
        Path file = Files.writeString(directory.resolve("routing.properties"),
                "hours.zone = UTC\nwrap-up = 0s\ndnis.4008001234.product = ERP_U8\n");
        hotline = Hotline.start(HotlineConfiguration.from(Settings.of(Map.of(
                "HOTLINE_ROUTING_FILE", file.toString(),
                "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_HEALTH_INTERVAL", "200ms",
                "HOTLINE_ASTERISK_NAME", ASTERISK,
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh("console-page"),
                "HOTLINE_ADMIN_PASSWORD", "first-admin-pass",
                "HOTLINE_SMS_WEBHOOK_SECRET", SECRET))));
        // In real time: the seat's phone rings and answers while Hotline routes the call.
        pbx = SimulatedAsterisk.realTime(Dialplan.load(Path.of("..", "docs", "asterisk", "extensions.conf")),
                Map.of("HOTLINE_AGI", "agi://127.0.0.1:" + hotline.agiAddress().getPort()));
    }
}
