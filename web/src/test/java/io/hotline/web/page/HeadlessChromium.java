package io.hotline.web.page;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium and ChromeDriver ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}) for the
 * page tests, named explicitly so that Selenium Manager never looks for (or fetches) a browser or a driver. Shared
 * through web's test-jar with app's end-to-end page test. Stateless; each driver belongs to one test class.
 */
public final class HeadlessChromium {

    /** The eight bytes every PNG file starts with. */
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private HeadlessChromium() {
    }

    /** A new headless browser, English first, 1366 x 900, its console kept (to see policy refusals). */
    public static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--window-size=1366,900", "--disable-gpu", "--disable-dev-shm-usage",
                "--lang=en-US", "--no-first-run", "--disable-extensions");
        if ("root".equals(System.getProperty("user.name"))) {
            options.addArguments("--no-sandbox");
        }
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The browser console's Content-Security-Policy refusals since the last read. */
    public static List<String> policyRefusals(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /**
     * Saves the page as {@code file} (its directories created) and answers whether what was written is a PNG.
     *
     * @throws IOException when the file cannot be written or read back
     */
    public static boolean screenshot(ChromeDriver driver, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        byte[] written = Files.readAllBytes(file);
        if (written.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (written[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }
}
