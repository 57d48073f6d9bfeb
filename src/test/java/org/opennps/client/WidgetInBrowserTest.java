package org.opennps.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.BrowserTest;
import org.opennps.support.Browsers;
import org.opennps.support.OnH2;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The widget on a shop's page in headless Chromium: the page comes from another origin than
 * OpenNPS (a small server on 127.0.0.1, OpenNPS on localhost), so CORS is the real one, and it
 * embeds the two-line snippet.
 */
@OnH2
@BrowserTest
class WidgetInBrowserTest extends ApiTestBase {

    static final String HOSTILE_CSS = "* { color: red !important; font-size: 40px } button { display: none }";

    @LocalServerPort
    int port;

    HttpServer shop;
    String shopOrigin;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openShop() throws Exception {
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/", exchange -> {
            byte[] page = page(query(exchange.getRequestURI().getRawQuery())).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        shop.start();
        shopOrigin = "http://127.0.0.1:" + shop.getAddress().getPort();
        patchJson("/api/v1/workspace", json("{'settings':{'allowed_origins':['" + shopOrigin + "']}}"))
                .andExpect(status().isOk());
        browser = Browsers.chromium(1280, 900);
        wait = Browsers.await(browser, Duration.ofSeconds(15));
        // The widget redraws its panel on every choice, so an element found a moment ago may be gone.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeShop() {
        if (browser != null) {
            browser.quit();
        }
        shop.stop(0);
    }

    /** A shop page with the two-line snippet, the visitor's id, maybe a slot and hostile CSS. */
    String page(Map<String, String> q) {
        String slot = q.containsKey("slot") ? "<div data-opennps-slot=\"" + q.get("slot") + "\"></div>" : "";
        String css = q.containsKey("hostile") ? "<style>" + HOSTILE_CSS + "</style>" : "";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Shop</title>" + css
                + "</head><body><h1>Thank you for shopping</h1>" + slot + "\n"
                + "<script>window.opennps = window.opennps || {q: []};</script>\n"
                + "<script src=\"http://localhost:" + port + "/widget.js\" data-key=\""
                + workspace.workspace().publicKey() + "\" data-external-id=\"" + q.get("visitor")
                + "\" async></script>\n"
                + "</body></html>";
    }

    static Map<String, String> query(String raw) {
        if (raw == null) {
            return Map.of();
        }
        return java.util.Arrays.stream(raw.split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(
                        p -> p[0], p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
    }

    String exitSurvey() throws Exception {
        String body = postJson(
                        "/api/v1/surveys",
                        json("{'name':'Exit NPS'," + ClientSurveyTests.QUESTIONS
                                + ",'display':{'triggers':['exit_intent'],'mode':'once'}}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    void visit(String query) {
        browser.get(shopOrigin + "/?" + query);
        wait.until(d -> Boolean.TRUE.equals(js("return !!(window.opennps && window.opennps.loaded)")));
    }

    /** The pointer leaves the window through the top edge, as towards the tabs. */
    void leaveThroughTheTop() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            js("document.documentElement.dispatchEvent(new MouseEvent('mouseout',"
                    + " {bubbles: true, clientX: 600, clientY: -2, relatedTarget: null}))");
            return nextCalls() > 0;
        });
    }

    long nextCalls() {
        return (Long) js("return performance.getEntriesByType('resource')"
                + ".filter(function (e) { return e.name.indexOf('/next?') > 0; }).length");
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    SearchContext widget() {
        WebElement host = wait.until(d -> d.findElements(By.cssSelector("[data-opennps]")).stream()
                .findFirst()
                .orElse(null));
        return host.getShadowRoot();
    }

    void assertNothingShown() {
        await().atMost(Duration.ofSeconds(10)).until(() -> nextCalls() > 0);
        // the 204 has arrived; its handler runs before the page's next two frames are drawn,
        // so a wrong render would be in the page once they have been
        ((JavascriptExecutor) browser)
                .executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "requestAnimationFrame(function () { requestAnimationFrame(function () { done(); }); });");
        assertThat(browser.findElements(By.cssSelector("[data-opennps]"))).isEmpty();
    }

    @Test
    void exitIntentSurveyShowsOnceAndRecordsThePassivesFollowUps() throws Exception {
        String surveyId = exitSurvey();
        visit("visitor=v-1");
        leaveThroughTheTop();
        SearchContext root = widget();
        wait.until(d -> root.findElements(By.cssSelector(".scale button")).size() == 11);
        assertThat(root.findElement(By.cssSelector("h2")).getText()).isEqualTo("How likely are you to recommend us?");
        assertThat(root.findElements(By.cssSelector("textarea"))).isEmpty();
        root.findElements(By.cssSelector(".scale button")).get(7).click();
        WebElement earn = wait.until(d -> root.findElements(By.cssSelector("textarea")).stream()
                .findFirst()
                .orElse(null));
        assertThat(root.findElement(By.cssSelector("label.q")).getText())
                .isEqualTo("What could we do to earn a 9 or 10?");
        earn.sendKeys("Cheaper delivery");
        root.findElement(By.cssSelector(".submit")).click();
        assertThat(root.findElement(By.cssSelector("fieldset .err")).getText())
                .as("the required area question stops the send, as on the hosted page")
                .isEqualTo("Please answer this question.");
        root.findElement(By.cssSelector("input[value=Pricing]")).click();
        Browsers.screenshot(browser, "widget-exit-intent-passive");
        root.findElement(By.cssSelector(".submit")).click();
        wait.until(d -> root.findElement(By.cssSelector("h2")).getText().equals("Thanks!"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> getJson("/api/v1/responses?survey_id=" + surveyId)
                        .andExpect(jsonPath("$.total").value(1))
                        .andExpect(jsonPath("$.items[0].score").value(7))
                        .andExpect(jsonPath("$.items[0].category").value("passive"))
                        .andExpect(jsonPath("$.items[0].channel").value("web"))
                        .andExpect(jsonPath("$.items[0].answers.earn9").value("Cheaper delivery"))
                        .andExpect(jsonPath("$.items[0].answers.area").value("Pricing")));

        visit("visitor=v-1");
        leaveThroughTheTop();
        assertNothingShown();
    }

    @Test
    void visitorSurveyedByEmailLastWeekSeesNothing() throws Exception {
        String surveyId = exitSurvey();
        postJson(
                        "/api/v1/invitations",
                        json("{'survey_id':'" + surveyId
                                + "','contact':{'external_id':'v-mail','email':'v-mail@shop.example'}}"))
                .andExpect(status().isCreated());
        clock.advance(Duration.ofDays(7));
        visit("visitor=v-mail");
        leaveThroughTheTop();
        assertNothingShown();
        getJson("/api/v1/invitations?channel=web")
                .andExpect(jsonPath("$.items[?(@.channel == 'web')]").isEmpty());
    }

    @Test
    void slotRendersTheSurveyACampaignQueuedAfterAPurchase() throws Exception {
        String body = postJson("/api/v1/surveys", json("{'name':'After purchase'," + ClientSurveyTests.QUESTIONS + "}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String surveyId = JsonPath.read(body, "$.id");
        postJson(
                        "/api/v1/campaigns",
                        json("{'name':'Thank-you slot','survey_id':'" + surveyId + "','status':'active',"
                                + "'trigger':{'event_type':'order.placed'},"
                                + "'steps':[{'type':'action','action':'web'}]}"))
                .andExpect(status().isCreated());
        postJson(
                        "/api/v1/events",
                        json("{'type':'order.placed','contact':{'external_id':'buyer-1'},"
                                + "'properties':{'order_id':'o-1'}}"))
                .andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> getJson("/api/v1/invitations?status=scheduled")
                        .andExpect(jsonPath("$.total").value(1)));

        visit("visitor=buyer-1&slot=thank-you");
        WebElement host =
                wait.until(d -> d.findElements(By.cssSelector("[data-opennps-slot=thank-you] [data-opennps]")).stream()
                        .findFirst()
                        .orElse(null));
        SearchContext root = host.getShadowRoot();
        wait.until(
                d -> root.findElements(By.cssSelector(".inline .scale button")).size() == 11);
        assertThat(root.findElements(By.cssSelector(".backdrop"))).isEmpty();
        Browsers.screenshot(browser, "widget-thank-you-slot");
        root.findElements(By.cssSelector(".scale button")).get(10).click();
        root.findElement(By.cssSelector(".submit")).click();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> getJson("/api/v1/invitations?status=responded")
                        .andExpect(jsonPath("$.total").value(1)));
    }

    @Test
    void hostPageCssDoesNotReachIntoTheWidget() throws Exception {
        exitSurvey();
        visit("visitor=v-css&hostile=1");
        leaveThroughTheTop();
        SearchContext root = widget();
        wait.until(d -> root.findElements(By.cssSelector(".scale button")).size() == 11);
        WebElement title = root.findElement(By.cssSelector("h2"));
        WebElement seven = root.findElements(By.cssSelector(".scale button")).get(7);
        Browsers.screenshot(browser, "widget-hostile-css");
        @SuppressWarnings("unchecked")
        List<String> styles = (List<String>) js(
                "var t = getComputedStyle(arguments[0]), b = getComputedStyle(arguments[1]);"
                        + " return [t.color, t.fontSize, b.display, b.color, b.fontSize];",
                title,
                seven);
        assertThat(styles).containsExactly("rgb(17, 24, 39)", "18px", "block", "rgb(17, 24, 39)", "15px");
        assertThat(seven.isDisplayed()).isTrue();
        assertThat((String) js("return getComputedStyle(document.querySelector('h1')).color"))
                .as("the host page's own rule still applies outside the widget")
                .isEqualTo("rgb(255, 0, 0)");
    }
}
