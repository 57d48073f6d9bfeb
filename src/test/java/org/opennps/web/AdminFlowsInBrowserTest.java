package org.opennps.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.BrowserTest;
import org.opennps.support.Browsers;
import org.opennps.support.OnH2;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator's three main flows in headless Chromium: a campaign from the after-purchase
 * template, the dashboard's drawn chart, and a detractor's case taken and resolved. One browser
 * serves the whole class; each test signs in to its own workspace.
 */
@OnH2
@BrowserTest
class AdminFlowsInBrowserTest extends AdminPageTestBase {

    private static WebDriver browser;

    @LocalServerPort
    int port;

    WebDriverWait wait;
    String base;

    @BeforeEach
    void signInInBrowser() {
        if (browser == null) {
            browser = Browsers.chromium(1280, 900);
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
        base = "http://localhost:" + port;
        wait = Browsers.await(browser, Duration.ofSeconds(20));
        browser.get(base + "/login");
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(adminEmail);
        browser.findElement(By.id("password")).sendKeys("correct horse battery");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @Test
    void campaignFromTheAfterPurchaseTemplateIsSavedAndActivated() throws Exception {
        createSurvey();
        browser.get(base + "/campaigns");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "No campaigns yet"));
        browser.findElement(By.id("use-campaign-template-after_purchase")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "New campaign: After purchase"));
        assertThat(browser.findElement(By.name("event_type")).getAttribute("value"))
                .isEqualTo("order.placed");
        assertThat(browser.findElement(By.name("s0.duration")).getAttribute("value"))
                .isEqualTo("P2D");
        assertThat(new Select(browser.findElement(By.name("survey_id")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Checkout NPS");
        Browsers.screenshot(browser, "admin-campaign-builder");
        browser.findElement(By.cssSelector("button[value=save]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Campaign saved"));
        assertThat(browser.findElement(By.id("campaign-status")).getText()).isEqualTo("draft");
        browser.findElement(By.xpath("//button[text()='Activate']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("campaign-status"), "active"));
        Browsers.screenshot(browser, "admin-campaign-active");
        getJson("/api/v1/campaigns")
                .andExpect(jsonPath("$.items[0].status").value("active"))
                .andExpect(jsonPath("$.items[0].steps[0].duration").value("P2D"));
    }

    @Test
    void dashboardDrawsTheTrendOfSeededAnswers() throws Exception {
        String survey = createSurvey();
        respond(survey, "p1", 10, "'why':'Quick delivery'");
        respond(survey, "p2", 9, "");
        respond(survey, "n1", 8, "'area':'Delivery'");
        respond(survey, "d1", 6, "'why':'The parcel was late'");
        awaitCounted(4);
        browser.get(base + "/?period=30d");
        assertThat(browser.findElement(By.id("nps-value")).getText()).isEqualTo("25.0");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        wait.until(d ->
                js.executeScript("return !!(window.Chart && Chart.getChart(document.getElementById('trend-chart')))"));
        @SuppressWarnings("unchecked")
        List<Object> drawn =
                (List<Object>) js.executeScript("var c = Chart.getChart(document.getElementById('trend-chart'));"
                        + "var nps = c.data.datasets.find(function (d) { return d.label === 'NPS'; }).data;"
                        + "return [c.data.labels.length, nps.filter(function (v) { return v !== null; })];");
        int buckets = JsonPath.<List<Object>>read(
                        browser.findElement(By.id("trend-chart")).getAttribute("data-chart"), "$.labels")
                .size();
        assertThat(((Number) drawn.get(0)).intValue()).isEqualTo(buckets).isBetween(30, 32);
        assertThat((List<?>) drawn.get(1)).hasSize(1);
        assertThat(((Number) ((List<?>) drawn.get(1)).get(0)).doubleValue()).isEqualTo(25.0);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("themes"), "comments"));
        Browsers.screenshot(browser, "admin-dashboard");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        wait.until(d ->
                js.executeScript("return !!(window.Chart && Chart.getChart(document.getElementById('trend-chart')))"));
        Browsers.screenshot(browser, "admin-dashboard-phone");
    }

    @Test
    void detractorsCaseIsTakenAndResolved() throws Exception {
        String response = respond(createSurvey(), "d-9", 2, "'why':'Nobody answered my e-mail'");
        browser.get(base + "/responses");
        browser.findElement(By.xpath("//tr[td[contains(., 'Nobody answered')]]//a"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case"), "No case yet"));
        browser.findElement(By.xpath("//button[text()='Open a case']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-status"), "open"));
        browser.findElement(By.xpath("//button[starts-with(text(), 'Take it')]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-status"), "in progress"));
        assertThat(browser.findElement(By.id("case-owner")).getText()).isEqualTo(adminEmail);
        new Select(browser.findElement(By.name("status"))).selectByValue("resolved");
        browser.findElement(By.name("note")).sendKeys("Apologised and refunded the shipping.");
        browser.findElement(By.xpath("//button[text()='Save case']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-status"), "resolved"));
        assertThat(browser.findElement(By.id("case")).getText()).contains("Apologised and refunded the shipping.");
        Browsers.screenshot(browser, "admin-case-resolved");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-status"), "resolved"));
        getJson("/api/v1/cases?status=resolved")
                .andExpect(jsonPath("$.items[0].response_id").value(response))
                .andExpect(jsonPath("$.items[0].owner").value(adminEmail));
        browser.get(base + "/responses?case=resolved");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Nobody answered my e-mail");
    }
}
