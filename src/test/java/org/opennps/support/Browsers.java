package org.opennps.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests, with the binary and driver set explicitly so nothing is
 * downloaded, a fresh profile per driver and no background network traffic.
 */
public final class Browsers {

    public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

    private Browsers() {}

    /** What is missing to run a browser, or null when both are there. */
    static String missing() {
        if (!Files.isExecutable(CHROMIUM)) {
            return CHROMIUM + " is missing";
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return CHROMEDRIVER + " is missing";
        }
        return null;
    }

    /**
     * A wait that retries a condition through the errors Chromium reports while a page is being
     * replaced (a node read by one lookup may belong to the previous document by the time its text
     * is read); only running out of time fails it.
     */
    public static WebDriverWait await(WebDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /** A phone-sized browser (390 x 844 CSS pixels). */
    public static WebDriver phone() {
        return chromium(390, 844);
    }

    public static WebDriver chromium(int width, int height) {
        Path profile;
        try {
            profile = Files.createTempDirectory("opennps-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        WebDriver driver = new CspCheckingChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }

    /**
     * Chromium that fails the test when it quits if any page broke the Content-Security-Policy:
     * Chromium reports each refused script, style or handler on the console ("Refused to …
     * because it violates the following Content Security Policy directive").
     */
    static final class CspCheckingChromeDriver extends ChromeDriver {

        CspCheckingChromeDriver(ChromeDriverService service, ChromeOptions options) {
            super(service, options);
        }

        @Override
        public void quit() {
            List<String> violations = new ArrayList<>();
            try {
                for (LogEntry entry : manage().logs().get(LogType.BROWSER)) {
                    if (entry.getMessage().contains("Content Security Policy")) {
                        violations.add(entry.getMessage());
                    }
                }
            } catch (RuntimeException e) {
                // the browser is gone already: nothing to read
            }
            super.quit();
            if (!violations.isEmpty()) {
                throw new AssertionError("Content-Security-Policy violations: " + violations);
            }
        }
    }

    /** Saves a screenshot as target/screenshots/{name}.png and returns its path. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Path dir = Files.createDirectories(Paths.get("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
