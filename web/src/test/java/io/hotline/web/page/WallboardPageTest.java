package io.hotline.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.web.HttpServer;
import io.hotline.web.WebConfig;
import io.hotline.web.auth.SessionAuthenticator;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.HttpRequestObserver;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.push.Greeter;
import io.hotline.web.push.PushHub;
import io.hotline.web.wallboard.FakeWallboard;
import io.hotline.web.wallboard.WallboardAccess;
import io.hotline.web.wallboard.WallboardAuthenticator;
import io.hotline.web.wallboard.WallboardPushes;
import io.hotline.web.wallboard.WallboardRoutes;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The wallboard page in Debian's headless Chromium against the production page files ({@link StaticFiles}), the
 * real wallboard route and push hub over {@link FakeWallboard}: opened with the wall screen's token in the
 * fragment, its queues, seats, clocks, map and share; a pushed change arriving without a reload; the "not live"
 * flag while the push channel is down; Chinese with {@code ?lang=zh}; nothing refused by the page's policy.
 */
class WallboardPageTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final FakeWallboard BACKEND = new FakeWallboard();
    private static final Map<String, AuthenticatedUser> SESSIONS = Map.of(
            "agent-session", new AuthenticatedUser("li.wei", Set.of("agent"), "S101", null));
    private static PushHub hub;
    private static HttpServer server;
    private static String base;
    private static ChromeDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void startServerAndBrowser() {
        hub = new PushHub(user -> Optional.ofNullable(user.seatId()), Greeter.NONE);
        HttpRoutes.Builder routes = StaticFiles.hotlinePages().addRoutes(HttpRoutes.builder());
        WallboardRoutes.register(routes, BACKEND);
        Authenticator sessions = request -> SessionAuthenticator.token(request).map(SESSIONS::get);
        server = new HttpServer(WebConfig.of("127.0.0.1", 0), routes.build(),
                WallboardAuthenticator.of(sessions, Optional.of(FakeWallboard.TOKEN), "/ws"),
                HttpRequestObserver.NO_OP, hub);
        InetSocketAddress bound = server.start();
        base = "http://127.0.0.1:" + bound.getPort();
        driver = HeadlessChromium.start();
        wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(50));
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
    void blankPage() {
        // a new page, not a change of fragment on the last one (which would not reload it)
        driver.get("about:blank");
        driver.manage().deleteAllCookies();
    }

    @Test
    void shouldShowTheFloorLiveAndFlagItStaleWhenThePushChannelDrops() throws Exception {
        // given a wall screen opened with its token
        BACKEND.waiting(3);
        WallboardPushes pushes = new WallboardPushes(hub, BACKEND);
        driver.get(base + "/wallboard?lang=en#token=" + FakeWallboard.TOKEN);

        // then it is live with the floor: queues, seats, clocks soonest first, today's share, the map
        wait.until(ExpectedConditions.attributeToBe(By.id("wb-status"), "data-live", "true"));
        wait.until(driver -> field("support", "waiting").equals("3"));
        assertThat(field("support", "longest")).isEqualTo("0:21");
        assertThat(field("support", "slToday")).isEqualTo("84 %");
        assertThat(field("support", "abandoned")).isEqualTo("7");
        assertThat(field("sales", "slToday")).isEqualTo("—");
        assertThat(driver.findElement(By.cssSelector("#wb-seats tr[data-tier=TIER1] td[data-state=READY]"))
                .getText()).isEqualTo("6");
        assertThat(driver.findElement(By.cssSelector("#wb-seats tr[data-tier=TIER1] td:first-child")).getText())
                .isEqualTo("Tier 1");
        List<WebElement> clocks = driver.findElements(By.cssSelector("#wb-clocks li"));
        assertThat(clocks).extracting(clock -> clock.getAttribute("data-order")).containsExactly("7001", "7002");
        assertThat(clocks.get(0).getText()).contains("overdue").contains("response");
        assertThat(text("wb-clocks-more")).isEqualTo("+3 more");
        assertThat(text("wb-solved")).isEqualTo("85 %");
        assertThat(driver.findElements(By.cssSelector("#wb-map g.map-branch"))).hasSize(3);
        assertThat(driver.findElements(By.cssSelector("#wb-map g.map-marker"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("#wb-map line.map-leg"))).hasSize(3);
        assertThat(driver.findElements(By.cssSelector("#wb-map line.map-leg.expired"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("#wb-dispatches li[data-order='8001']")).getText())
                .contains("B01").contains("acknowledge").contains("left");

        // when more callers wait and the push ticks
        BACKEND.waiting(9);
        assertThat(pushes.tick()).isPositive();

        // then the wall shows it without a reload
        wait.until(driver -> field("support", "waiting").equals("9"));
        assertThat(field("support", "longest")).isEqualTo("1:03");
        assertThat(HeadlessChromium.screenshot(driver, SCREENSHOTS.resolve("wallboard-fake.png"))).isTrue();

        // when the push channel drops, the wall says it is not live, then reconnects by itself
        assertThat(hub.closeUser(WallboardAccess.TOKEN_USER.name())).isPositive();
        wait.until(ExpectedConditions.attributeToBe(By.id("wb-status"), "data-live", "false"));
        assertThat(text("wb-status")).startsWith("NOT LIVE");
        wait.until(ExpectedConditions.attributeToBe(By.id("wb-status"), "data-live", "true"));
        assertThat(HeadlessChromium.policyRefusals(driver)).isEmpty();
    }

    @Test
    void shouldSpeakChineseAndRefuseAnAgentsSession() {
        // given the wall in Chinese
        driver.get(base + "/wallboard?lang=zh#token=" + FakeWallboard.TOKEN);
        wait.until(ExpectedConditions.attributeToBe(By.id("wb-status"), "data-live", "true"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#wb-queues th:nth-child(2)"), "等待中"));
        assertThat(text("wb-status")).isEqualTo("实时");
        wait.until(driver -> driver.findElement(By.cssSelector("#wb-seats tr[data-tier=TIER2] td:first-child"))
                .getText().equals("二线"));

        // when an agent's session opens it without a token, it is refused with a sentence, not figures
        driver.get(base + "/wallboard?lang=en");
        driver.manage().addCookie(new Cookie(SessionAuthenticator.COOKIE, "agent-session"));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wb-message")));
        assertThat(text("wb-message")).contains("supervisors");
        assertThat(driver.findElement(By.id("wb-board")).isDisplayed()).isFalse();
    }

    private static String field(String queue, String name) {
        return driver.findElement(By.cssSelector("#wb-queues tr[data-queue=" + queue + "] td[data-field=" + name
                + "]")).getText();
    }

    private static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }
}
