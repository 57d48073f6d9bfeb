package org.opennps.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.BrowserTest;
import org.opennps.support.Browsers;
import org.opennps.support.OnH2;
import org.opennps.workspace.UserService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An operator signs in, makes a survey from a template and opens the inbox, in headless Chromium. */
@OnH2
@BrowserTest
class AdminInBrowserTest extends ApiTestBase {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void operatorCreatesASurveyFromATemplateAndOpensTheInbox() {
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        users.createUser(email, "correct horse battery", workspace.workspace().id(), UserService.ADMIN);
        browser = Browsers.chromium(1280, 900);
        WebDriverWait wait = Browsers.await(browser, Duration.ofSeconds(15));
        String base = "http://localhost:" + port;

        browser.get(base + "/surveys");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("correct horse battery");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        browser.get(base + "/surveys");
        assertThat(browser.getPageSource()).contains("No surveys yet");
        browser.findElement(By.id("use-survey-template-post_purchase_nps")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Post-purchase NPS"));
        assertThat(browser.findElement(By.name("q1.id")).getAttribute("value")).isEqualTo("earn9");
        browser.switchTo().frame("preview");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q-nps")));
        browser.switchTo().defaultContent();
        browser.findElement(By.linkText("7")).click();
        browser.switchTo().frame("preview");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q-earn9")));
        browser.switchTo().defaultContent();
        Browsers.screenshot(browser, "admin-survey-editor");

        browser.findElement(By.name("name")).clear();
        browser.findElement(By.name("name")).sendKeys("After delivery");
        // Respondents see the public title, never the internal name.
        browser.findElement(By.cssSelector("input[name^='title.']")).sendKeys("After delivery");
        browser.findElement(By.xpath("//button[text()='Preview changes']")).click();
        browser.switchTo().frame("preview");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "After delivery"));
        browser.switchTo().defaultContent();
        browser.findElement(By.cssSelector("button[value=save]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "After delivery"));

        browser.findElement(By.linkText("Surveys")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "After delivery"));
        Browsers.screenshot(browser, "admin-surveys");

        browser.findElement(By.linkText("Responses")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "No responses match"));
        Browsers.screenshot(browser, "admin-inbox-empty");
        assertThat(browser.findElement(By.cssSelector("nav.main a[aria-current=page]"))
                        .getText())
                .isEqualTo("Responses");

        String surveyId = browser.findElement(By.cssSelector("select[name=survey] option:nth-child(2)"))
                .getAttribute("value");
        respond(surveyId, "b-1", 3, "disappointed", "The courier left the parcel in the rain.");
        respond(surveyId, "b-2", 10, "loved", "Locker right next to my flat.");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "left the parcel"));
        Browsers.screenshot(browser, "admin-inbox");
        browser.findElement(By.xpath("//tr[td[contains(., 'left the parcel')]]//a"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Follow-up"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("left the parcel");
        Browsers.screenshot(browser, "admin-response-detail");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(base + "/responses");
        Browsers.screenshot(browser, "admin-inbox-phone");
    }

    private void respond(String surveyId, String contact, int score, String question, String text) {
        try {
            postJson(
                            "/api/v1/responses",
                            json("{'survey_id':'" + surveyId + "','score':" + score + ",'contact':{'external_id':'"
                                    + contact + "'},'answers':{'" + question + "':'" + text + "'}}"))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                            .isCreated());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
