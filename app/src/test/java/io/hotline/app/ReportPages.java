package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The service-quality report as a reader sees it in the browser, whether opened from its file
 * ({@link ReportPageEndToEndTest}) or served by a running Hotline ({@link WallboardEndToEndTest}).
 */
final class ReportPages {
    /** The charts the report draws, by the id of their element. */
    static final List<String> CHARTS = List.of("chart-rates", "chart-satisfaction", "chart-sla", "chart-lines");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private ReportPages() {
    }

    /**
     * Opens the report at {@code address} (a file or an HTTP address) in {@code driver} and checks what a reader
     * sees: every chart an ECharts canvas of non-zero size, the page fetched nothing (it needs nothing but itself)
     * and logged no error.
     */
    static void assertReportRendered(WebDriver driver, String address) {
        driver.manage().logs().get(LogType.BROWSER); // what earlier pages of the same browser logged
        driver.get(address);
        new WebDriverWait(driver, WAIT).until(page -> "drawn".equals(page.findElement(By.tagName("body"))
                .getAttribute("data-charts")));
        for (String chart : CHARTS) {
            WebElement canvas = driver.findElement(By.cssSelector("#" + chart + " canvas"));
            assertThat(canvas.getSize().getWidth()).as(chart).isPositive();
            assertThat(canvas.getSize().getHeight()).as(chart).isPositive();
        }
        Object fetched = ((JavascriptExecutor) driver).executeScript(
                "return performance.getEntriesByType('resource').length;");
        assertThat(((Number) fetched).intValue()).as("resources fetched").isZero();
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .isEmpty();
    }
}
