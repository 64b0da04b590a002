package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.internal.UtcInstants;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.web.page.HeadlessChromium;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import picocli.CommandLine;

/**
 * The service-quality report of the demo organisation (with a few weeks of work orders added) written by
 * {@code hotline report} and opened from its file in headless Chromium, offline: every chart drew an ECharts canvas
 * of non-zero size, the tables are there, and nothing was fetched ({@link ReportPages#assertReportRendered}, the
 * step the wallboard's browser test takes on the report a running Hotline serves).
 */
class ReportPageEndToEndTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();

    @TempDir
    Path directory;

    @Test
    void shouldOpenTheReportOfTheDemoDataOfflineWithEveryChartDrawn() throws Exception {
        // given the demo organisation with work orders on three of its customers over three weeks of October
        addWorkOrders();
        Path html = writeReport(directory, "2026-10-05", "2026-10-26", "en");

        // when the file is opened in the browser
        ChromeDriver driver = HeadlessChromium.start();
        try {
            // then
            ReportPages.assertReportRendered(driver, html.toUri().toString());
            assertThat(driver.findElement(By.id("period")).getText()).isEqualTo("2026-10-05 – 2026-10-25");
            assertThat(driver.findElements(By.cssSelector("#weeks tbody tr"))).hasSize(3);
            assertThat(driver.findElement(By.id("totals")).getText()).contains("Closure rate", "NPS");
            HeadlessChromium.screenshot(driver, Path.of("target", "service-quality-report.png"));
        } finally {
            driver.quit();
        }
    }

    /** Runs {@code hotline report} on the test database into {@code out}; the HTML file's path. */
    static Path writeReport(Path out, String from, String to, String lang) {
        Map<String, String> environment = Map.of("HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_DB_USER", DB.config().user(), "HOTLINE_DB_PASSWORD", DB.config().password());
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new ReportCommand(environment)).setExecutionExceptionHandler(new FailureHandler())
                .setOut(new PrintWriter(new StringWriter(), true)).setErr(new PrintWriter(err, true))
                .execute("--from", from, "--to", to, "--out", out.toString(), "--lang", lang, "--format", "html");
        assertThat(exit).as(err.toString()).isZero();
        Path html = out.resolve("service-quality-" + from + "-" + to + ".html");
        assertThat(html).exists();
        assertThat(Files.isRegularFile(html)).isTrue();
        return html;
    }

    /** A day's work orders for three weeks: resolved, some late, one with a dispatch, surveys scored 1 to 5. */
    private static void addWorkOrders() {
        List<Map<String, Object>> customers = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT c.id, s.code FROM customer c JOIN customer_product p ON p.customer_id = c.id"
                        + " JOIN skill s ON s.id = p.product_skill_id ORDER BY c.id, s.code LIMIT 3").mapToMap()
                .list());
        Instant start = Instant.parse("2026-10-05T01:00:00Z");
        for (int day = 0; day < 21; day++) {
            int index = day;
            Map<String, Object> customer = customers.get(day % customers.size());
            Instant opened = start.plus(Duration.ofDays(day));
            Instant resolved = opened.plus(Duration.ofHours(2 + day % 7));
            long id = DB.jdbi().withHandle(handle -> handle.createUpdate("INSERT INTO work_order (customer_id,"
                    + " product_line, category, severity, state, tier, created_at, updated_at, responded_at,"
                    + " response_due_at, resolved_at, resolution_due_at, closed_at) VALUES (:customer, :line,"
                    + " 'Login', :severity, 'CLOSED', 'TIER1', :opened, :opened, :responded, :responseDue,"
                    + " :resolved, :resolutionDue, :resolved)")
                    .bind("customer", customer.get("id")).bind("line", customer.get("code"))
                    .bind("severity", "P" + (1 + index % 3)).bind("opened", UtcInstants.toSql(opened))
                    .bind("responded", UtcInstants.toSql(opened.plus(Duration.ofMinutes(10))))
                    .bind("responseDue", UtcInstants.toSql(opened.plus(Duration.ofMinutes(30))))
                    .bind("resolved", UtcInstants.toSql(resolved))
                    .bind("resolutionDue", UtcInstants.toSql(opened.plus(Duration.ofHours(6))))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            int score = 1 + day % 5;
            DB.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO satisfaction_survey (work_order_id,"
                    + " channel, due_at, outcome, score, recorded_at) VALUES (:id, 'IVR', :at, 'ANSWERED', :score,"
                    + " :at)").bind("id", id).bind("score", score).bind("at", UtcInstants.toSql(resolved)).execute());
        }
    }
}
