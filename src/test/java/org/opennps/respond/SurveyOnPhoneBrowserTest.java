package org.opennps.respond;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.BrowserTest;
import org.opennps.support.Browsers;
import org.opennps.support.OnH2;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A respondent answers on a phone-sized headless Chromium, against the real server. */
@OnH2
@BrowserTest
class SurveyOnPhoneBrowserTest extends ApiTestBase {

    @LocalServerPort
    int port;

    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void passiveAnswersTheFollowUpsOnAPhone() throws Exception {
        String surveyId = JsonPath.read(
                postJson("/api/v1/surveys", RespondPagesTests.SURVEY)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String url = JsonPath.read(
                postJson(
                                "/api/v1/invitations",
                                json("{'survey_id':'" + surveyId + "','contact':{'external_id':'phone-1'}}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.url");
        browser = Browsers.phone();
        WebDriverWait wait = Browsers.await(browser, Duration.ofSeconds(10));
        browser.get("http://localhost:" + port + url.substring(url.indexOf("/s/")));

        assertThat(browser.findElement(By.id("q-earn9")).isDisplayed()).isFalse();
        browser.findElement(By.xpath("//fieldset[@id='q-nps']//label[span[text()='8']]"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q-earn9")));
        assertThat(browser.findElement(By.id("q-sorry")).isDisplayed()).isFalse();
        browser.findElement(By.id("a-earn9")).sendKeys("Faster delivery, please");
        browser.findElement(By.xpath("//fieldset[@id='q-area']//label[span[text()='Pricing']]"))
                .click();
        Browsers.screenshot(browser, "survey-passive-phone");
        assertThat(browser.manage().window().getSize().getWidth()).isEqualTo(390);

        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Thank you"));
        assertThat(browser.getPageSource()).contains("Thanks a lot!");
        Browsers.screenshot(browser, "survey-thanks-phone");

        String list = getJson("/api/v1/responses?survey_id=" + surveyId)
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Integer>read(list, "$.items[0].score")).isEqualTo(8);
        assertThat(JsonPath.<String>read(list, "$.items[0].answers.area")).isEqualTo("Pricing");
        assertThat(JsonPath.<String>read(list, "$.items[0].answers.earn9")).isEqualTo("Faster delivery, please");
        assertThat(JsonPath.<Object>read(list, "$.items[0].completed_at")).isNotNull();
    }
}
