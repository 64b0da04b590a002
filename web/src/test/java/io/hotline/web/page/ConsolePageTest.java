package io.hotline.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.FieldEvent;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.web.HttpServer;
import io.hotline.web.WebConfig;
import io.hotline.web.auth.SessionAuthenticator;
import io.hotline.web.console.ConsolePushes;
import io.hotline.web.console.ConsoleRoutes;
import io.hotline.web.console.FakeConsoleBackend;
import io.hotline.web.http.Access;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRequestObserver;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.Json;
import io.hotline.web.http.RouteHandler;
import io.hotline.web.http.RouteRequest;
import io.hotline.web.push.Greeter;
import io.hotline.web.push.PushHub;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The duty manager's console page in Debian's headless Chromium against the real console routes
 * ({@link ConsoleRoutes}) over {@link FakeConsoleBackend}, the real push hub at {@code /ws} (fed by
 * {@link ConsolePushes}) and a small sign-in fake: the branch's orders with their clocks, acknowledging, assigning,
 * booking, a pushed change arriving without a reload, the map, the follow-up, the Chinese labels; and the
 * supervisors' view of every branch. One browser and one server for the class.
 */
class ConsolePageTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "correct horse";
    private static final Map<String, AuthenticatedUser> ACCOUNTS = Map.of(
            "chen.jie", new AuthenticatedUser("chen.jie", Set.of("duty-manager"), null, FakeConsoleBackend.B01),
            "zhao.lei", new AuthenticatedUser("zhao.lei", Set.of("supervisor"), null, null));
    private static final Actor CHEN = new Actor(ActorKind.DUTY_MANAGER, "chen.jie");
    /** An order of B01 whose acknowledgement is already late. */
    private static final long LATE = 104;

    private static final FakeConsoleBackend BACKEND = new FakeConsoleBackend(InstantSource.system());
    private static final Map<String, AuthenticatedUser> SESSIONS = new ConcurrentHashMap<>();
    private static PushHub hub;
    private static ConsolePushes pushes;
    private static HttpServer server;
    private static String base;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void startServerAndBrowser() {
        hub = new PushHub(user -> Optional.ofNullable(user.seatId()), Greeter.NONE);
        pushes = new ConsolePushes(hub, BACKEND);
        HttpRoutes.Builder routes = PageResources.addTo(HttpRoutes.builder());
        routes.post("/api/login", "api_login", Access.PUBLIC, RouteHandler.of(ConsolePageTest::login));
        routes.post("/api/logout", "api_logout", Access.AUTHENTICATED, RouteHandler.of(request -> {
            SessionAuthenticator.token(request).ifPresent(SESSIONS::remove);
            return HttpReply.of(HttpResponseStatus.NO_CONTENT, HttpReply.JSON, "");
        }));
        routes.get("/api/me", "api_me", Access.AUTHENTICATED, RouteHandler.of(request ->
                HttpReply.json(HttpResponseStatus.OK, user(request.user().orElseThrow()))));
        ConsoleRoutes.register(routes, BACKEND);
        Authenticator sessions = request -> SessionAuthenticator.token(request).map(SESSIONS::get);
        server = new HttpServer(WebConfig.of("127.0.0.1", 0), routes.build(), sessions, HttpRequestObserver.NO_OP,
                hub);
        InetSocketAddress bound = server.start();
        base = "http://127.0.0.1:" + bound.getPort();
        driver = HeadlessChromium.start();
        wait = new WebDriverWait(driver, WAIT);
        // the list is drawn anew on every change: an element found a moment ago may be gone
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshPage() {
        BACKEND.reset();
        SESSIONS.clear();
        driver.get(base + "/");
        driver.manage().deleteAllCookies();
        ((JavascriptExecutor) driver).executeScript("window.localStorage.clear();");
        driver.get(base + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    }

    @Test
    void shouldLetTheDutyManagerWorkTheBranchsOrdersWithLiveClocksPushesAndTheMap() throws Exception {
        // given B01 also holds an order whose acknowledgement is late
        BACKEND.put(FakeConsoleBackend.sent(LATE, FakeConsoleBackend.B01, 31.30, 121.45,
                Instant.now().minusSeconds(30)));

        // when its duty manager signs in
        signIn("chen.jie");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console-view")));
        wait.until(ExpectedConditions.textToBe(By.id("connection-status"), "Live"));

        // then the branch's orders are listed with their clocks: 101's acknowledgement counts down, 104's is red
        // (the push channel can be live before the console's first read is rendered: wait for the branch)
        wait.until(ExpectedConditions.textToBe(By.id("con-branch-name"), "浦东分公司 (B01)"));
        assertThat(byId("view-tabs").isDisplayed()).isFalse();
        assertThat(orderIds()).containsExactly("101", "102", "103", "104");
        WebElement ack = clock(FakeConsoleBackend.SENT, "acknowledge");
        assertThat(ack.getAttribute("data-level")).isEqualTo("ok");
        String before = ack.getText();
        assertThat(before).contains("left");
        wait.until(driver -> !clock(FakeConsoleBackend.SENT, "acknowledge").getText().equals(before));
        assertThat(clock(LATE, "acknowledge").getAttribute("data-level")).isEqualTo("red");
        assertThat(clock(LATE, "acknowledge").getText()).contains("overdue");
        assertThat(clock(FakeConsoleBackend.ACKNOWLEDGED, "assign").getText()).contains("left");
        assertThat(clock(FakeConsoleBackend.COMPLETED, "followUp").getText()).contains("left");
        assertThat(clock(FakeConsoleBackend.SENT, "assign").getText()).isEqualTo("—");

        // and the map has the branch in the middle and one marker per open order, each at its own place
        assertMap(List.of("101", "102", "103", "104"));
        assertThat(text("con-map-hint")).startsWith("The branch is the square in the middle");
        saveScreenshot("console-branch.png");

        acknowledgeAssignAndBook();
        seePushesArriveWithoutReload();
        callAndRecordTheFollowUp();
        saveScreenshot("console.png");

        // and in Chinese the labels are Chinese
        new Select(byId("lang-switch")).selectByValue("zh");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#con-orders th:nth-child(5)"), "确认时限"));
        assertThat(text("con-state")).isEqualTo("已关闭");
        assertThat(row(FakeConsoleBackend.ACKNOWLEDGED).getText()).contains("已指派");
        assertThat(row(FakeConsoleBackend.SENT).getText()).contains("已预约");
        assertThat(driver.findElement(By.cssSelector("#con-detail h4")).getText()).isEqualTo("最近的分公司");
        assertNoPolicyRefusals();
    }

    private void acknowledgeAssignAndBook() {
        // when the duty manager opens order 101 and acknowledges it
        row(FakeConsoleBackend.SENT).click();
        wait.until(ExpectedConditions.textToBe(By.id("con-id"), "101"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#con-sms li"), 2));
        // server text is never markup: the SMS's <b> is shown as characters
        assertThat(text("con-sms")).contains("<b>urgent</b>").contains("from +8613900000001");
        assertThat(driver.findElements(By.cssSelector("#con-sms b"))).isEmpty();
        assertThat(text("con-trail")).contains("by chen.jie");
        assertThat(text("con-ranking")).contains("杭州分公司 (B02): 165.2 km");
        assertThat(byId("con-assign-form").isDisplayed()).isFalse();
        click("con-acknowledge");
        wait.until(ExpectedConditions.attributeToBe(By.id("con-state"), "data-state", "ACKNOWLEDGED"));
        assertThat(BACKEND.events).containsExactly(new FieldEvent.Acknowledged(FakeConsoleBackend.SENT, CHEN));
        wait.until(driver -> clock(FakeConsoleBackend.SENT, "assign").getText().contains("left"));
        assertThat(clock(FakeConsoleBackend.SENT, "acknowledge").getText()).isEqualTo("—");

        // and assigns one of the branch's active engineers
        Select engineers = new Select(byId("con-engineer-select"));
        assertThat(engineers.getOptions()).extracting(WebElement::getText)
                .containsExactly("Zhang Wei (E01)", "Liu Yang (E02)");
        engineers.selectByValue("E02");
        click("con-assign");
        wait.until(ExpectedConditions.attributeToBe(By.id("con-state"), "data-state", "ASSIGNED"));
        assertThat(text("con-engineer")).isEqualTo("Liu Yang (E02)");
        assertThat(byId("con-assign").getText()).isEqualTo("Reassign");

        // a reassignment needs a reason
        new Select(byId("con-engineer-select")).selectByValue("E01");
        click("con-assign");
        assertThat(text("con-action-message")).isEqualTo("A reason is required.");
        type("con-assign-reason", "E02 is stuck in traffic");
        click("con-assign");
        wait.until(ExpectedConditions.textToBe(By.id("con-engineer"), "Zhang Wei (E01)"));

        // and books the appointment agreed with the customer
        ((JavascriptExecutor) driver).executeScript("document.getElementById('con-appointment').value ="
                + " '2026-12-08T09:30';");
        click("con-book");
        wait.until(ExpectedConditions.attributeToBe(By.id("con-state"), "data-state", "SCHEDULED"));
        Instant agreed = Instant.parse((String) ((JavascriptExecutor) driver).executeScript(
                "return new Date('2026-12-08T09:30').toISOString();"));
        assertThat(BACKEND.events).containsExactly(new FieldEvent.Acknowledged(FakeConsoleBackend.SENT, CHEN),
                new FieldEvent.EngineerAssigned(FakeConsoleBackend.SENT, CHEN, "E02", null),
                new FieldEvent.EngineerAssigned(FakeConsoleBackend.SENT, CHEN, "E01", "E02 is stuck in traffic"),
                new FieldEvent.AppointmentBooked(FakeConsoleBackend.SENT, CHEN, agreed));
        assertThat(text("con-appointment-at")).isNotEqualTo("—");
        assertThat(row(FakeConsoleBackend.SENT).getText()).contains("Appointment booked").contains("Zhang Wei");
    }

    private void seePushesArriveWithoutReload() {
        int reads = BACKEND.branchReads.get();

        // when the desk changes order 102 (an engineer assigned elsewhere) and the change is pushed
        StoredDispatch assigned = BACKEND.act(new FieldEvent.EngineerAssigned(FakeConsoleBackend.ACKNOWLEDGED,
                Actor.supervisor("zhao.lei"), "E02", null)).join().dispatch();
        assertThat(pushes.dispatchChanged(assigned)).isEqualTo(1);

        // then its row shows it at once, without reading the branch again
        wait.until(driver -> row(FakeConsoleBackend.ACKNOWLEDGED).getText().contains("Liu Yang"));
        assertThat(row(FakeConsoleBackend.ACKNOWLEDGED).getText()).contains("Engineer assigned");
        assertThat(clock(FakeConsoleBackend.ACKNOWLEDGED, "assign").getText()).isEqualTo("—");

        // and the late order that went to the next branch leaves the list and the map
        StoredDispatch redispatched = FakeConsoleBackend.redispatched(BACKEND.order(LATE).orElseThrow(),
                FakeConsoleBackend.B02, Instant.now().plusSeconds(600));
        BACKEND.put(redispatched);
        pushes.dispatchChanged(redispatched);
        wait.until(driver -> !orderIds().contains(String.valueOf(LATE)));
        assertMap(List.of("101", "102", "103"));

        // and headquarters' alert and the follow-up's reminder appear as notes
        pushes.headquartersAlert(new FieldCommand.HeadquartersAlert(FakeConsoleBackend.ACKNOWLEDGED, "ASSIGN_WARNING",
                "no engineer 3 h after acknowledgement", Instant.now()));
        pushes.followUpDue(new FieldCommand.FollowUpDue(FakeConsoleBackend.COMPLETED, FakeConsoleBackend.B01,
                "02164440000", 1, Instant.now()));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-test=con-notification]"), 2));
        assertThat(text("con-notifications")).contains("Order #102: no engineer assigned yet.")
                .contains("Order #103: follow-up due (attempt 1), call 02164440000.");
        assertThat(BACKEND.branchReads.get()).isEqualTo(reads);
    }

    private void callAndRecordTheFollowUp() {
        // when the duty manager opens the completed order, calls the customer and records what they said
        row(FakeConsoleBackend.COMPLETED).click();
        wait.until(ExpectedConditions.textToBe(By.id("con-id"), "103"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("con-follow-up-form")));
        click("con-call");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("con-action-message"),
                "Your phone rings now"));
        assertThat(BACKEND.calls).containsExactly("103 chen.jie");
        new Select(byId("con-satisfaction")).selectByValue("4");
        type("con-comment", "quick and tidy");
        click("con-record");

        // then it is closed with its score, and its marker leaves the map of open orders
        wait.until(ExpectedConditions.attributeToBe(By.id("con-state"), "data-state", "CLOSED"));
        assertThat(BACKEND.events).endsWith(new FieldEvent.FollowUpRecorded(FakeConsoleBackend.COMPLETED, CHEN, 4,
                "quick and tidy", false));
        assertThat(text("con-score")).startsWith("80/100");
        assertThat(text("con-follow-up-info")).contains("satisfaction 4").contains("quick and tidy");
        assertMap(List.of("101", "102"));
    }

    @Test
    void shouldShowSupervisorsEveryBranchBehindATabAndLetThemPlaceAnUnplacedOrder() throws Exception {
        // given a supervisor signed in, on the board
        signIn("zhao.lei");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("supervisor-view")));

        // when they open the branches' tab
        click("tab-console");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console-view")));
        assertThat(driver.getCurrentUrl()).endsWith("#console");

        // then every branch's open orders are listed, the unplaced one included, and the map shows both branches
        wait.until(driver -> orderIds().size() == 5);
        assertThat(orderIds()).containsExactly("101", "102", "103", "201", "301");
        assertThat(text("con-branch-name")).isEqualTo("Headquarters: every branch");
        assertThat(driver.findElements(By.cssSelector("#con-map .map-branch"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("#con-map .map-marker"))).hasSize(4);
        assertThat(text("con-map-hint")).startsWith("Squares are branches");
        saveScreenshot("console-headquarters.png");

        // and placing the unplaced order on B02 sends it there
        row(FakeConsoleBackend.UNPLACED).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("con-place-form")));
        assertThat(text("con-held-by")).isEqualTo("No branch: headquarters places it");
        new Select(byId("con-place-branch")).selectByValue(FakeConsoleBackend.B02);
        type("con-place-reason", "B01 has nobody on duty");
        click("con-place");
        wait.until(ExpectedConditions.attributeToBe(By.id("con-state"), "data-state", "SENT"));
        assertThat(BACKEND.events).containsExactly(new FieldEvent.PlacedByHand(FakeConsoleBackend.UNPLACED,
                Actor.supervisor("zhao.lei"), FakeConsoleBackend.B02, "B01 has nobody on duty"));

        // and choosing a branch shows only its orders
        new Select(byId("con-branch-select")).selectByValue(FakeConsoleBackend.B02);
        wait.until(driver -> orderIds().equals(List.of("201", "301")));
        assertThat(text("con-branch-name")).isEqualTo("杭州分公司 (B02)");
        click("tab-board");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("supervisor-view")));
        assertNoPolicyRefusals();
    }

    @Test
    void shouldHaveEveryConsoleStringInEnglishAndChinese() {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        @SuppressWarnings("unchecked")
        List<String> english = (List<String>) script.executeScript(
                "return Object.keys(window.Hotline.i18n.dictionary.en);");
        @SuppressWarnings("unchecked")
        List<String> chinese = (List<String>) script.executeScript(
                "return Object.keys(window.Hotline.i18n.dictionary.zh);");
        @SuppressWarnings("unchecked")
        List<String> inConsole = (List<String>) script.executeScript("return Array.from(document.querySelectorAll("
                + "'#console-view [data-i18n], #console-view [data-i18n-placeholder], #view-tabs [data-i18n]'))"
                + ".map(e => e.getAttribute('data-i18n') || e.getAttribute('data-i18n-placeholder'));");

        assertThat(chinese).containsExactlyInAnyOrderElementsOf(english);
        assertThat(inConsole).contains("con.acknowledge", "con.ackDue", "tabs.console");
        assertThat(english).containsAll(inConsole).containsAll(PageSources.translationKeys())
                .contains("con.smsFrom", "con.smsTo", "dstate.SENT", "alert.ASSIGN_WARNING");
        assertThat(PageSources.translationKeys()).contains("con.heldByBranch", "con.noteAlert");
    }

    private void assertMap(List<String> orders) {
        wait.until(driver -> markers().size() == orders.size());
        List<WebElement> markers = markers();
        assertThat(markers).extracting(marker -> marker.getAttribute("data-order"))
                .containsExactlyInAnyOrderElementsOf(orders);
        Set<String> places = new HashSet<>();
        for (WebElement marker : markers) {
            double x = Double.parseDouble(marker.getAttribute("data-x"));
            double y = Double.parseDouble(marker.getAttribute("data-y"));
            assertThat(x).isBetween(0.0, 480.0);
            assertThat(y).isBetween(0.0, 360.0);
            places.add(x + "," + y);
            assertThat(marker.findElement(By.tagName("text")).getText())
                    .isEqualTo("#" + marker.getAttribute("data-order"));
        }
        assertThat(places).hasSize(orders.size());
        WebElement branch = driver.findElement(By.cssSelector("#con-map .map-branch rect"));
        assertThat(Double.parseDouble(branch.getAttribute("x")) + 7).isEqualTo(240.0);
        assertThat(Double.parseDouble(branch.getAttribute("y")) + 7).isEqualTo(180.0);
    }

    private List<WebElement> markers() {
        return driver.findElements(By.cssSelector("#con-map .map-marker"));
    }

    private List<String> orderIds() {
        return driver.findElements(By.cssSelector("#con-orders tbody tr")).stream()
                .map(row -> row.getAttribute("data-order")).toList();
    }

    private WebElement row(long id) {
        return driver.findElement(By.cssSelector("#con-orders tr[data-order='" + id + "']"));
    }

    private WebElement clock(long id, String name) {
        return row(id).findElement(By.cssSelector("td[data-clock=" + name + "]"));
    }

    private static HttpReply login(RouteRequest request) {
        JsonNode body = Json.readTree(request.bodyText()).orElseThrow();
        AuthenticatedUser user = ACCOUNTS.get(body.path("login").asText());
        if (user == null || !PASSWORD.equals(body.path("password").asText())) {
            return HttpReply.error(HttpResponseStatus.UNAUTHORIZED, "login_refused", "Wrong login or password.");
        }
        String token = "token-" + user.name() + "-" + System.nanoTime();
        SESSIONS.put(token, user);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", token);
        answer.put("expiresAt", Instant.now().plusSeconds(3600).toString());
        answer.put("user", user(user));
        return HttpReply.json(HttpResponseStatus.OK, answer).withHeader("Set-Cookie",
                SessionAuthenticator.COOKIE + "=" + token + "; HttpOnly; SameSite=Strict; Path=/");
    }

    private static Map<String, Object> user(AuthenticatedUser user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("login", user.name());
        json.put("displayName", user.name().equals("chen.jie") ? "Chen Jie" : "Zhao Lei");
        json.put("role", user.roles().iterator().next());
        json.put("seat", user.seatId());
        json.put("branch", user.branchCode());
        return json;
    }

    private void saveScreenshot(String name) throws Exception {
        assertThat(HeadlessChromium.screenshot((ChromeDriver) driver, SCREENSHOTS.resolve(name))).isTrue();
    }

    private void assertNoPolicyRefusals() {
        assertThat(HeadlessChromium.policyRefusals(driver)).isEmpty();
    }

    private void signIn(String login) {
        type("login-name", login);
        type("login-password", PASSWORD);
        click("login-submit");
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
}
