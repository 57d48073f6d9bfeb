package org.opennps.respond;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.Axe;
import org.opennps.support.BrowserTest;
import org.opennps.support.Browsers;
import org.opennps.support.OnH2;
import org.opennps.workspace.Wording;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A score clicked in an e-mail counts when a browser shows the page, not when a link scanner
 * fetches it; a Polish respondent sees only Polish, and respondent pages pass axe-core in every
 * shipped language.
 */
@OnH2
@BrowserTest
class OneClickScoreBrowserTest extends ApiTestBase {

    static final String POLISH = json("{'name':'Internal: PL post-purchase','questions':["
            + "{'id':'nps','type':'nps','text':{'pl':'Jak bardzo prawdopodobne jest, że polecisz nas znajomym?'}},"
            + "{'id':'why','type':'text','text':{'pl':'Co moglibyśmy poprawić?'},'show_if':{'category':['passive']}}],"
            + "'thank_you':{'pl':'Dziękujemy za opinię!'}}");

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.opennps.support.TestMailServer smtp;

    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String survey(String body) throws Exception {
        return JsonPath.read(
                postJson("/api/v1/surveys", body).andReturn().getResponse().getContentAsString(), "$.id");
    }

    String link(String surveyId, String externalId, String locale) throws Exception {
        String url = JsonPath.read(
                postJson(
                                "/api/v1/invitations",
                                json("{'survey_id':'" + surveyId + "','contact':{'external_id':'" + externalId
                                        + "','locale':'" + locale + "'}}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.url");
        return "http://localhost:" + port + url.substring(url.indexOf("/s/"));
    }

    Boolean confirmed(String surveyId) throws Exception {
        String list = getJson("/api/v1/responses?survey_id=" + surveyId)
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Boolean> values = JsonPath.read(list, "$.items[*].confirmed");
        return values.isEmpty() ? null : values.getFirst();
    }

    @Test
    void aPolishClickOnEightCountsInTheBrowserAndSurvivesAFortyMinutePause() throws Exception {
        String surveyId = survey(POLISH);
        browser = Browsers.phone();
        browser.get(link(surveyId, "pl-1", "pl-PL") + "?score=8");
        Browsers.await(browser, Duration.ofSeconds(10)).until(d -> {
            try {
                return Boolean.TRUE.equals(confirmed(surveyId));
            } catch (Exception e) {
                return false;
            }
        });
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text)
                .contains("Twoja ocena 8 została zapisana")
                .contains("Zdecydowanie nie polecę")
                .contains("Co moglibyśmy poprawić?")
                .doesNotContain("Submit")
                .doesNotContain("likely")
                .doesNotContain("Internal");
        assertThat(english(text, "pl")).isEmpty();
        assertThat(Axe.seriousViolations(browser)).isEmpty();
        Browsers.screenshot(browser, "one-click-pl-phone");

        clock.advance(Duration.ofMinutes(40));
        browser.manage().deleteAllCookies();
        browser.findElement(By.id("a-why")).sendKeys("Szybsza dostawa");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Browsers.await(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Dziękujemy"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Dziękujemy za opinię!");
        assertThat(english(browser.findElement(By.tagName("body")).getText(), "pl"))
                .isEmpty();
        assertThat(Axe.seriousViolations(browser)).isEmpty();
        String list = getJson("/api/v1/responses?survey_id=" + surveyId)
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<String>read(list, "$.items[0].answers.why")).isEqualTo("Szybsza dostawa");
        assertThat(JsonPath.<Boolean>read(list, "$.items[0].confirmed")).isTrue();
    }

    /**
     * The whole way of the Polish respondent: a campaign e-mails a Polish contact, the
     * e-mail opens on a 390 px phone, the person taps 8 in it, and the page that opens is Polish
     * only, counts the score without anything more pressed and shows the follow-up.
     */
    @Test
    void aPolishContactTapsEightInTheirPolishEmailOnAPhoneAndItCounts() throws Exception {
        String surveyId = survey(POLISH);
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        String address = "anna-" + tag + "@example.com";
        postJson(
                        "/api/v1/campaigns",
                        json("{'name':'Po zakupie','survey_id':'" + surveyId + "','status':'active',"
                                + "'trigger':{'event_type':'order." + tag + "'},"
                                + "'steps':[{'type':'action','action':'email'}]}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isCreated());
        postJson(
                "/api/v1/events",
                json("{'type':'order." + tag + "','contact':{'external_id':'anna-" + tag + "','email':'" + address
                        + "','locale':'pl-PL'}}"));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !smtp.to(address).isEmpty());
        jakarta.mail.internet.MimeMessage mail = smtp.to(address).getFirst();
        assertThat(mail.getSubject()).startsWith("Czy polecisz ").endsWith(" znajomym?");
        java.nio.file.Path file = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "emails"))
                .resolve("received-pl.html");
        java.nio.file.Files.writeString(file, html(mail));

        browser = Browsers.phone();
        browser.get(file.toAbsolutePath().toUri().toString());
        assertThat(english(browser.findElement(By.tagName("body")).getText(), "pl"))
                .isEmpty();
        var eight = browser.findElement(By.xpath("//a[contains(@href, 'score=8')]"));
        assertThat(eight.getRect().getX() + eight.getRect().getWidth()).isLessThanOrEqualTo(390);
        eight.click();
        Browsers.await(browser, Duration.ofSeconds(10)).until(d -> {
            try {
                return Boolean.TRUE.equals(confirmed(surveyId));
            } catch (Exception e) {
                return false;
            }
        });
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).contains("Twoja ocena 8 została zapisana").contains("Co moglibyśmy poprawić?");
        assertThat(english(text, "pl")).isEmpty();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> JsonPath.<Integer>read(
                                getJson("/api/v1/analytics/nps?survey_id=" + surveyId)
                                        .andReturn()
                                        .getResponse()
                                        .getContentAsString(),
                                "$.responses")
                        == 1);
    }

    /** The HTML part of a received e-mail. */
    static String html(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                String found = html(multi.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The shipped English respondent texts (those that differ in the locale) found in a page's text. */
    static List<String> english(String text, String locale) throws java.io.IOException {
        java.util.Properties en = bundle("i18n/respond.properties");
        java.util.Properties other = bundle("i18n/respond_" + locale + ".properties");
        List<String> found = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            String value = en.getProperty(key);
            if (key.startsWith("respond.")
                    && !value.contains("{")
                    && value.length() >= 4
                    && !value.equals(other.getProperty(key))
                    && text.contains(value)) {
                found.add(key + "=" + value);
            }
        }
        return found;
    }

    private static java.util.Properties bundle(String name) throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = new java.io.InputStreamReader(
                OneClickScoreBrowserTest.class.getClassLoader().getResourceAsStream(name),
                java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void aPlainHttpFetchOfTheScoreLinkLeavesItUnconfirmed() throws Exception {
        String surveyId = survey(POLISH);
        HttpResponse<String> fetched;
        try (HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            fetched = http.send(
                    HttpRequest.newBuilder(URI.create(link(surveyId, "scanner-1", "pl") + "?score=10"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).contains("data-confirm");
        assertThat(confirmed(surveyId)).isFalse();
        String nps = getJson("/api/v1/analytics/nps?survey_id=" + surveyId)
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Integer>read(nps, "$.responses")).isZero();
    }

    @Test
    void aScoreInThePublicLinkCountsWhenTheBrowserShowsIt() throws Exception {
        String surveyId = survey(POLISH);
        browser = Browsers.phone();
        browser.get("http://localhost:" + port + "/l/" + surveyId + "?score=8");
        Browsers.await(browser, Duration.ofSeconds(10)).until(d -> {
            try {
                return Boolean.TRUE.equals(confirmed(surveyId));
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(browser.getCurrentUrl()).contains("/s/");
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("Twoja ocena 8 została zapisana")
                .contains("Co moglibyśmy poprawić?");
        assertThat(Axe.seriousViolations(browser)).isEmpty();
    }

    @Test
    void aPlainHttpFetchOfThePublicLinkWithAScoreLeavesItUnconfirmed() throws Exception {
        String surveyId = survey(POLISH);
        HttpResponse<String> fetched;
        try (HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            fetched = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/l/" + surveyId + "?score=10"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).contains("data-confirm");
        assertThat(confirmed(surveyId)).isFalse();
        background.settle();
        String nps = getJson("/api/v1/analytics/nps?survey_id=" + surveyId)
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Integer>read(nps, "$.responses")).isZero();
    }

    /**
     * Every page a respondent can meet, in every shipped language: the survey with a one-click
     * score, a stale form, a form with a required answer missing, thank-you, already answered,
     * unsubscribe and unsubscribed, expired and not found.
     */
    @Test
    void respondentPagesHaveNoSeriousAxeViolationInAnyShippedLanguage() throws Exception {
        String surveyId = survey(RespondPagesTests.SURVEY);
        browser = Browsers.phone();
        List<String> found = new ArrayList<>();
        List<String> later = new ArrayList<>();
        for (String locale : Wording.SHIPPED.stream().sorted().toList()) {
            String link = link(surveyId, "axe-" + locale, locale);
            browser.get(link + "?score=7");
            check(locale + " one-click score", found);
            ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("document.querySelector('input[name=_page]').value = 'stale';");
            submit();
            assertThat(browser.findElements(By.cssSelector("p.alert")))
                    .as(locale + " stale")
                    .isNotEmpty();
            check(locale + " stale form", found);
            submit();
            assertThat(browser.findElements(By.cssSelector("#q-area p.error")))
                    .as(locale + " missing")
                    .isNotEmpty();
            check(locale + " required answer missing", found);
            browser.findElement(By.cssSelector("#q-area label")).click();
            submit();
            Browsers.await(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/thanks"));
            check(locale + " thank you", found);
            browser.get(link);
            check(locale + " already answered", found);

            String other = link(surveyId, "axe-unsubscribe-" + locale, locale);
            browser.get(other + "/unsubscribe");
            check(locale + " unsubscribe", found);
            submit();
            check(locale + " unsubscribed", found);
            later.add(link(surveyId, "axe-expired-" + locale, locale));
        }
        clock.advance(Duration.ofDays(31));
        for (String expired : later) {
            browser.get(expired);
            check("expired " + expired, found);
        }
        browser.get("http://localhost:" + port + "/s/not-a-token");
        check("not found", found);
        assertThat(found).isEmpty();
    }

    private void submit() {
        var page = browser.findElement(By.tagName("html"));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Browsers.await(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
    }

    private void check(String what, List<String> found) throws Exception {
        Axe.seriousViolations(browser).forEach(v -> found.add(what + ": " + v));
    }
}
