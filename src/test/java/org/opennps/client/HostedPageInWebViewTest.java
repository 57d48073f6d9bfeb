package org.opennps.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.BrowserTest;
import org.opennps.support.Browsers;
import org.opennps.support.OnH2;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The hosted survey page as an app shows it in a WebView: a phone-sized Chromium that calls
 * itself an Android WebView, the link opened as the top-level document (as a WebView does),
 * answered to the end with first-party state only.
 */
@OnH2
@BrowserTest
class HostedPageInWebViewTest extends ApiTestBase {

    static final String WEBVIEW_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UQ1A; wv) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Version/4.0 Chrome/130.0.0.0 Mobile Safari/537.36";

    @LocalServerPort
    int port;

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void surveyLinkIsAnsweredInAPhoneWebView() throws Exception {
        String survey = postJson("/api/v1/surveys", json("{'name':'App NPS'," + ClientSurveyTests.QUESTIONS + "}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String created = postJson(
                        "/api/v1/invitations",
                        json("{'survey_id':'" + JsonPath.read(survey, "$.id")
                                + "','contact':{'external_id':'app-user-1'}}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String invitation = JsonPath.read(created, "$.id");
        String path = URI.create(JsonPath.read(created, "$.url")).getPath();

        browser = Browsers.phone();
        ((ChromeDriver) browser).executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", WEBVIEW_AGENT));
        WebDriverWait wait = Browsers.await(browser, Duration.ofSeconds(15));
        browser.get("http://localhost:" + port + path);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return navigator.userAgent")).asString().contains("; wv)");
        assertThat(browser.findElement(By.cssSelector("meta[name=viewport]")).getAttribute("content"))
                .isEqualTo("width=device-width, initial-scale=1");
        assertThat((Long) js.executeScript("return document.documentElement.scrollWidth"))
                .as("no sideways scrolling at 390 CSS pixels")
                .isLessThanOrEqualTo(390L);
        assertThat(browser.getPageSource()).doesNotContain("top.location").doesNotContain("window.top");

        browser.findElement(By.cssSelector("input[name=score][value='8'] + span"))
                .click();
        wait.until(d -> d.findElement(By.id("a-earn9")).isDisplayed());
        browser.findElement(By.id("a-earn9")).sendKeys("Show delivery times up front");
        browser.findElement(By.cssSelector("input[name=area][value=Product] + span"))
                .click();
        Browsers.screenshot(browser, "hosted-page-webview");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.getPageSource().contains("Thanks!"));

        for (Cookie cookie : browser.manage().getCookies()) {
            assertThat(cookie.getDomain()).as("only the page's own cookies").isEqualTo("localhost");
        }
        getJson("/api/v1/invitations/" + invitation)
                .andExpect(jsonPath("$.status").value("responded"));
        getJson("/api/v1/responses?survey_id=" + JsonPath.read(survey, "$.id"))
                .andExpect(jsonPath("$.items[0].score").value(8))
                .andExpect(jsonPath("$.items[0].answers.earn9").value("Show delivery times up front"))
                .andExpect(jsonPath("$.items[0].answers.area").value("Product"));
    }
}
