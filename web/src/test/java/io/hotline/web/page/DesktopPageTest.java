package io.hotline.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.web.HttpServer;
import io.hotline.web.WebConfig;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.HttpRequestObserver;
import io.hotline.web.http.HttpRoutes;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * The desktop page in Debian's headless Chromium against {@link FakePeopleApi}: sign-in errors, seat state, the
 * screen-pop arriving while the phone rings (by polling GET /api/desktop, since the fake has no /ws), the work
 * order form, escalation, the knowledge base, SLA clocks, the language switch, a 401 back to the sign-in, and the
 * supervisor's board. One browser and one server for the class.
 */
class DesktopPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static FakePeopleApi api;
    private static HttpServer server;
    private static String base;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void startServerAndBrowser() {
        api = new FakePeopleApi();
        HttpRoutes routes = api.addTo(PageResources.addTo(HttpRoutes.builder())).build();
        server = new HttpServer(WebConfig.of("127.0.0.1", 0), routes, Authenticator.DENY_ALL,
                HttpRequestObserver.NO_OP);
        InetSocketAddress bound = server.start();
        base = "http://127.0.0.1:" + bound.getPort();
        driver = HeadlessChromium.start();
        wait = new WebDriverWait(driver, WAIT);
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
        api.reset();
        driver.get(base + "/");
        driver.manage().deleteAllCookies();
        ((JavascriptExecutor) driver).executeScript("window.localStorage.clear();");
        driver.get(base + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    }

    @Test
    void shouldTakeACallFromScreenPopToEscalationInEnglishThenChinese() throws Exception {
        // given a refused and a throttled sign-in, then the right password
        signIn("li.wei", "wrong");
        wait.until(ExpectedConditions.textToBe(By.id("login-error"),
                "Login or password is wrong (or the account is disabled)."));
        signIn(FakePeopleApi.THROTTLED_LOGIN, "whatever");
        wait.until(ExpectedConditions.textToBe(By.id("login-error"), "Too many failed attempts. Try again in 120 "
                + "seconds."));
        signIn("li.wei", FakePeopleApi.PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("desktop-view")));
        assertThat(text("seat-state")).isEqualTo("Logged out");

        // when the agent logs in to the seat and takes a break, then is ready
        click("seat-login");
        wait.until(ExpectedConditions.attributeToBe(By.id("seat-state"), "data-state", "READY"));
        click("seat-not-ready");
        new Select(byId("not-ready-reason")).selectByValue("lunch");
        click("not-ready-confirm");
        wait.until(ExpectedConditions.attributeToBe(By.id("seat-state"), "data-state", "NOT_READY"));
        assertThat(onlyRequest("POST", "/api/seat/not-ready").json().path("reason").asText()).isEqualTo("lunch");
        click("seat-ready");
        wait.until(ExpectedConditions.attributeToBe(By.id("seat-state"), "data-state", "READY"));

        // and the phone rings
        api.offerCall();
        wait.until(ExpectedConditions.textToBe(By.id("customer-name"), FakePeopleApi.CUSTOMER_NAME));
        assertThat(byId("screen-pop").isDisplayed()).isTrue();
        assertThat(byId("call-phase").getAttribute("data-phase")).isEqualTo("offered");
        assertThat(driver.getTitle()).startsWith("☎ Incoming call");
        assertThat(byId("customer-vip").isDisplayed()).isTrue();
        assertThat(text("products")).contains("U8 finance").contains("9.2");
        assertThat(text("open-work-orders")).contains("#40");
        assertThat(text("last-contacts")).contains("S104");
        assertThat(byId("suggested-articles").findElement(By.tagName("mark")).getText()).isEqualTo("会计期间");
        assertThat(text("seat-state")).isEqualTo("Ringing");
        assertClocks();

        fillAndSaveWorkOrder();
        escalateToTier2();
        searchKnowledgeBase();
        showPushedWarnings();
        saveScreenshot();

        // then the language switch shows Chinese labels
        new Select(byId("lang-switch")).selectByValue("zh");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("label[for=wo-category]"), "类别"));
        assertThat(text("seat-state")).isEqualTo("振铃中");
        assertThat(byId("escalate-submit").getText()).isEqualTo("升级");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");

        // and a session that ends sends the agent back to the sign-in, saying why
        api.revokeSessions();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        assertThat(text("login-error")).isEqualTo("您的会话已结束，请重新登录。");
        assertNoPolicyRefusals();
    }

    @Test
    void shouldHaveEveryStringOfThePageInEnglishAndChinese() {
        // given the dictionary as the browser loaded it
        JavascriptExecutor script = (JavascriptExecutor) driver;
        @SuppressWarnings("unchecked")
        List<String> english = (List<String>) script.executeScript(
                "return Object.keys(window.Hotline.i18n.dictionary.en);");
        @SuppressWarnings("unchecked")
        List<String> chinese = (List<String>) script.executeScript(
                "return Object.keys(window.Hotline.i18n.dictionary.zh);");
        @SuppressWarnings("unchecked")
        List<String> inPage = (List<String>) script.executeScript("return Array.from(document.querySelectorAll("
                + "'[data-i18n],[data-i18n-placeholder],[data-i18n-title]')).map(e => e.getAttribute('data-i18n')"
                + " || e.getAttribute('data-i18n-placeholder') || e.getAttribute('data-i18n-title'));");

        // when the keys the scripts ask for are collected from their sources
        List<String> inScripts = PageSources.translationKeys();

        // then both languages have the same keys, and every key used is one of them
        assertThat(chinese).containsExactlyInAnyOrderElementsOf(english);
        assertThat(english).containsAll(inPage).containsAll(inScripts);
        assertThat(inScripts).contains("login.refused", "esc.done", "clock.left");
        assertNoPolicyRefusals();
    }

    private void assertNoPolicyRefusals() {
        assertThat(HeadlessChromium.policyRefusals(driver)).isEmpty();
    }

    private void assertClocks() {
        // response: 10 min left of P3's 8 h, past 75 % of its time; resolution: 40 h of 48 h left
        wait.until(ExpectedConditions.attributeToBe(By.id("clock-response"), "data-level", "amber"));
        assertThat(byId("clock-resolution").getAttribute("data-level")).isEqualTo("ok");
        String before = text("clock-response");
        assertThat(before).contains("left");
        wait.until(driver -> !text("clock-response").equals(before));
    }

    private void fillAndSaveWorkOrder() {
        type("wo-category", "posting");
        type("wo-summary", "月结凭证无法过账");
        type("wo-notes", "Customer closes November; ledger locked.");
        new Select(byId("wo-severity")).selectByValue("P2");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wo-severity-reason")));
        type("wo-severity-reason", "month-end close blocked");
        click("wo-save");
        wait.until(driver -> !api.requests("POST", "/api/work-orders/42").isEmpty());
        FakePeopleApi.Recorded save = onlyRequest("POST", "/api/work-orders/42");
        assertThat(save.requestHeader()).isEqualTo("1");
        assertThat(fields(save.json())).isEqualTo(Map.of("category", "posting", "summary", "月结凭证无法过账",
                "notes", "Customer closes November; ledger locked.", "severity", "P2",
                "reason", "month-end close blocked"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wo-message"), "Saved"));
        assertThat(byId("wo-state").getAttribute("data-state")).isEqualTo("IN_PROGRESS");
    }

    private void escalateToTier2() {
        new Select(byId("escalate-to")).selectByValue("TIER2");
        assertThat(byId("escalate-site").isDisplayed()).isFalse();
        click("escalate-submit");
        assertThat(text("escalate-message")).isEqualTo("Give a reason for the escalation.");
        assertThat(api.requests("POST", "/api/work-orders/42/escalate")).isEmpty();
        type("escalate-reason", "ledger lock needs a database fix");
        click("escalate-submit");
        wait.until(driver -> !api.requests("POST", "/api/work-orders/42/escalate").isEmpty());
        FakePeopleApi.Recorded escalation = onlyRequest("POST", "/api/work-orders/42/escalate");
        assertThat(escalation.requestHeader()).isEqualTo("1");
        assertThat(fields(escalation.json())).isEqualTo(Map.of("to", "TIER2",
                "reason", "ledger lock needs a database fix"));
        wait.until(ExpectedConditions.textToBe(By.id("wo-tier"), "Tier 2"));
        assertThat(text("escalate-message")).isEqualTo("Escalated to Tier 2.");
        driver.findElement(By.cssSelector("#trail-section summary")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#wo-trail li:last-child .badge"), "Tier 2"));
        assertThat(driver.findElement(By.cssSelector("#wo-trail li:last-child")).getText()).contains("by S101")
                .contains("ledger lock needs a database fix");
    }

    private void searchKnowledgeBase() {
        type("kb-query", "过账");
        click("kb-submit");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#kb-results li"), 2));
        List<WebElement> marks = byId("kb-results").findElements(By.tagName("mark"));
        assertThat(marks).extracting(WebElement::getText).containsExactly("过账", "过账");
        // server text is never markup: the snippet's <img> and the title's <b> are shown as characters
        assertThat(driver.findElements(By.cssSelector("#kb-results img, #kb-results b, #injected"))).isEmpty();
        assertThat(text("kb-results")).contains("<img src=x id=injected>").contains("<b>bold?</b>");
        assertThat(onlyRequest("GET", "/api/knowledge").query()).contains("q=[过账]").contains("product=[finance]");
    }

    private void showPushedWarnings() {
        // the fake has no /ws: the messages go to the page's handler as the push channel would hand them over
        JavascriptExecutor script = (JavascriptExecutor) driver;
        script.executeScript("window.Hotline.desktop.onMessage({type: 'sla_warning', at: new Date().toISOString(),"
                + " data: {workOrderId: 42, clock: 'RESOLUTION', level: '75', dueAt: '2026-12-09T06:00:00Z'}});");
        wait.until(ExpectedConditions.attributeToBe(By.id("clock-resolution"), "data-level", "amber"));
        assertThat(text("notifications")).contains("Work order #42: Resolution due clock at 75 %");
        // the server forgets a withdrawn pop before it pushes offer_withdrawn (a poll must not bring it back)
        api.withdrawOffer();
        script.executeScript("window.Hotline.desktop.onMessage({type: 'offer_withdrawn', at: new Date().toISOString(),"
                + " data: {callId: '1733562902.17', reason: 'ring timeout'}});");
        wait.until(ExpectedConditions.attributeToBe(By.id("call-phase"), "data-phase", "ended"));
        assertThat(driver.findElements(By.cssSelector("#notifications [data-kind=warning]"))).hasSize(2);
        assertThat(text("notifications")).contains("The call stopped ringing (ring timeout).");
        assertThat(text("customer-name")).isEqualTo(FakePeopleApi.CUSTOMER_NAME);
    }

    private void saveScreenshot() throws Exception {
        assertThat(HeadlessChromium.screenshot((ChromeDriver) driver, SCREENSHOTS.resolve("desktop.png"))).isTrue();
    }

    @Test
    void shouldShowTheSupervisorEverySeatAndBargeIntoACall() {
        // given a supervisor signed in
        signIn("wang.fang", FakePeopleApi.PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("supervisor-view")));

        // when the board has loaded
        By s101 = By.cssSelector("#seat-board tr[data-seat=S101]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(s101));

        // then it shows the seat's call and its duration, and the open work order with its clocks
        assertThat(driver.findElement(s101).getText()).contains("On a call").contains("WO #42").contains("1:1");
        assertThat(driver.findElement(By.cssSelector("#seat-board tr[data-seat=S102] [data-test=monitor-barge]"))
                .isEnabled()).isFalse();
        WebElement order = driver.findElement(By.cssSelector("#wo-board tr[data-work-order='42']"));
        assertThat(order.getText()).contains(FakePeopleApi.CUSTOMER_NAME).contains("left");

        // and barging in posts the monitor request for that seat
        driver.findElement(s101).findElement(By.cssSelector("[data-test=monitor-barge]")).click();
        wait.until(driver -> !api.requests("POST", "/api/supervisor/monitor").isEmpty());
        assertThat(fields(onlyRequest("POST", "/api/supervisor/monitor").json()))
                .isEqualTo(Map.of("seat", "S101", "mode", "barge"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sup-message"), "S101"));

        // and reassigning the work order and setting a seat's state post what the supervisor chose
        By orderRow = By.cssSelector("#wo-board tr[data-work-order='42']");
        driver.findElement(orderRow).findElement(By.cssSelector("[data-test=reassign-seat]")).sendKeys("S102");
        driver.findElement(orderRow).findElement(By.cssSelector("[data-test=reassign-reason]")).sendKeys("tier 2");
        driver.findElement(orderRow).findElement(By.cssSelector("[data-test=reassign-apply]")).click();
        wait.until(driver -> !api.requests("POST", "/api/work-orders/42/reassign").isEmpty());
        assertThat(fields(onlyRequest("POST", "/api/work-orders/42/reassign").json()))
                .isEqualTo(Map.of("seat", "S102", "reason", "tier 2"));
        // the board reloads after an action: a row replaced under our hands is found again and filled anew
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement row = driver.findElement(s101);
            new Select(row.findElement(By.cssSelector("[data-test=state-select]"))).selectByValue("NOT_READY");
            row.findElement(By.cssSelector("[data-test=state-reason]")).sendKeys("coaching");
            row.findElement(By.cssSelector("[data-test=state-apply]")).click();
            return true;
        });
        wait.until(driver -> !api.requests("POST", "/api/seats/S101/state").isEmpty());
        assertThat(fields(onlyRequest("POST", "/api/seats/S101/state").json()))
                .isEqualTo(Map.of("state", "NOT_READY", "reason", "coaching"));
        assertNoPolicyRefusals();
    }

    private void signIn(String login, String password) {
        type("login-name", login);
        type("login-password", password);
        click("login-submit");
    }

    private FakePeopleApi.Recorded onlyRequest(String method, String path) {
        List<FakePeopleApi.Recorded> requests = api.requests(method, path);
        assertThat(requests).as(method + " " + path).hasSize(1);
        return requests.get(0);
    }

    private static Map<String, String> fields(JsonNode body) {
        Map<String, String> fields = new java.util.TreeMap<>();
        body.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().asText()));
        return fields;
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
