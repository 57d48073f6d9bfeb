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
        assertThat(AxeCore.seriousViolations(browser)).isEmpty();
        Browsers.screenshot(browser, "one-click-pl-phone");

        clock.advance(Duration.ofMinutes(40));
        browser.manage().deleteAllCookies();
        browser.findElement(By.id("a-why")).sendKeys("Szybsza dostawa");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Browsers.await(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Dziękujemy"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Dziękujemy za opinię!");
        assertThat(AxeCore.seriousViolations(browser)).isEmpty();
        String list = getJson("/api/v1/responses?survey_id=" + surveyId)
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<String>read(list, "$.items[0].answers.why")).isEqualTo("Szybsza dostawa");
        assertThat(JsonPath.<Boolean>read(list, "$.items[0].confirmed")).isTrue();
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
    void respondentPagesHaveNoSeriousAxeViolationInAnyShippedLanguage() throws Exception {
        String surveyId = survey(RespondPagesTests.SURVEY);
        browser = Browsers.phone();
        List<String> found = new ArrayList<>();
        for (String locale : Wording.SHIPPED.stream().sorted().toList()) {
            String link = link(surveyId, "axe-" + locale, locale);
            for (String page : List.of(link + "?score=7", link + "/unsubscribe")) {
                browser.get(page);
                AxeCore.seriousViolations(browser).forEach(v -> found.add(locale + " " + page + " " + v));
            }
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            AxeCore.seriousViolations(browser).forEach(v -> found.add(locale + " unsubscribed " + v));
        }
        browser.get("http://localhost:" + port + "/s/not-a-token");
        AxeCore.seriousViolations(browser).forEach(v -> found.add("not found " + v));
        assertThat(found).isEmpty();
    }
}
