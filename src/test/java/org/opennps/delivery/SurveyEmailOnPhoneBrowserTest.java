package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.Axe;
import org.opennps.support.BrowserTest;
import org.opennps.support.Browsers;
import org.opennps.support.OnH2;
import org.opennps.workspace.RespondentTexts;
import org.opennps.workspace.Wording;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** The survey e-mail on a 390 px phone: all eleven scores on screen, tappable, in Polish. */
@OnH2
@BrowserTest
class SurveyEmailOnPhoneBrowserTest extends ApiTestBase {

    @Autowired
    RespondentTexts texts;

    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyScoreLinkLiesInsideA390PixelViewport() throws Exception {
        SurveyEmail email = new SurveyEmail(
                UUID.randomUUID(),
                "invitation:x",
                "anna@example.invalid",
                null,
                "Dziękujemy za zakupy!",
                "Jak bardzo prawdopodobne jest, że polecisz nas znajomym?",
                IntStream.rangeClosed(0, 10)
                        .mapToObj(s -> "http://127.0.0.1:9/s/t?score=" + s)
                        .toList(),
                "http://127.0.0.1:9/s/t",
                "http://127.0.0.1:9/s/t/unsubscribe",
                "pl");
        EmailRenderer.Parts parts = EmailRenderer.survey(
                email, new EmailRenderer.Sender("Sklep Kwiatek", null, "#0f766e"), texts.wording(null, "pl"));
        assertThat(parts.text()).contains("Sklep Kwiatek").contains("10: http://127.0.0.1:9/s/t?score=10");
        assertThat(parts.html()).contains("Zdecydowanie nie polecę").contains("Wypisz się z ankiet");
        // lines SMTP carries as they are: an ASCII survey e-mail then goes unencoded (7bit)
        assertThat(parts.html().lines()).allMatch(line -> line.length() <= TransferEncodings.MAX_LINE);
        Path file = Files.createDirectories(Path.of("target", "emails")).resolve("survey-pl.html");
        Files.writeString(file, parts.html());

        browser = Browsers.chromium(390, 844);
        browser.get(file.toAbsolutePath().toUri().toString());
        long viewport = ((Number)
                        ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth"))
                .longValue();
        assertThat(viewport).isLessThanOrEqualTo(390);
        List<WebElement> links = browser.findElements(By.cssSelector("a[href*='score=']"));
        assertThat(links).hasSize(11);
        for (WebElement link : links) {
            @SuppressWarnings("unchecked")
            Map<String, Number> box = (Map<String, Number>) ((JavascriptExecutor) browser)
                    .executeScript(
                            "var r = arguments[0].getBoundingClientRect();"
                                    + "return {left: r.left, right: r.right, width: r.width, height: r.height};",
                            link);
            assertThat(box.get("left").doubleValue())
                    .as("score %s left", link.getText())
                    .isGreaterThanOrEqualTo(0);
            assertThat(box.get("right").doubleValue())
                    .as("score %s right", link.getText())
                    .isLessThanOrEqualTo(viewport);
            assertThat(box.get("width").doubleValue())
                    .as("score %s width", link.getText())
                    .isGreaterThanOrEqualTo(44);
            assertThat(box.get("height").doubleValue())
                    .as("score %s height", link.getText())
                    .isGreaterThanOrEqualTo(44);
        }
        Browsers.screenshot(browser, "survey-email-pl-390");
    }

    @Test
    void theSurveyEmailHasNoSeriousAxeViolationInAnyShippedLanguage() throws Exception {
        browser = Browsers.chromium(390, 844);
        List<String> found = new java.util.ArrayList<>();
        for (String locale : Wording.SHIPPED.stream().sorted().toList()) {
            Wording wording = texts.wording(null, locale);
            SurveyEmail email = new SurveyEmail(
                    UUID.randomUUID(),
                    "invitation:x",
                    "anna@example.invalid",
                    null,
                    wording.text("email.subject.unnamed"),
                    "(" + locale + ") How likely are you to recommend us?",
                    IntStream.rangeClosed(0, 10)
                            .mapToObj(s -> "http://127.0.0.1:9/s/t?score=" + s)
                            .toList(),
                    "http://127.0.0.1:9/s/t",
                    "http://127.0.0.1:9/s/t/unsubscribe",
                    locale);
            EmailRenderer.Parts parts =
                    EmailRenderer.survey(email, new EmailRenderer.Sender("Sklep Kwiatek", null, "#0f766e"), wording);
            Path file = Files.createDirectories(Path.of("target", "emails")).resolve("survey-" + locale + ".html");
            Files.writeString(file, parts.html());
            browser.get(file.toAbsolutePath().toUri().toString());
            Axe.seriousViolations(browser).forEach(v -> found.add(locale + ": " + v));
        }
        assertThat(found).isEmpty();
    }
}
