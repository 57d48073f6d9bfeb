package org.opennps.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.Axe;
import org.opennps.support.BrowserTest;
import org.opennps.support.Browsers;
import org.opennps.support.OnH2;
import org.opennps.workspace.Wording;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The widget on shop pages that fight it: a strict Content-Security-Policy (no inline script or
 * style at all), hostile CSS with a sticky bar, a 390×450 viewport (a phone with its keyboard
 * open). The shop is another loopback origin (127.0.0.1) than OpenNPS (localhost).
 */
@OnH2
@BrowserTest
class WidgetOnHostPagesBrowserTest extends ApiTestBase {

    static final String HOSTILE = "* { color: red !important; font-size: 40px !important }"
            + " opennps-survey, [data-opennps] { transform: scale(.5) !important; opacity: .2 !important;"
            + " display: none !important; position: static !important; z-index: -1 !important }"
            + " button { display: none !important }"
            + " .sticky { position: fixed; left: 0; right: 0; bottom: 0; height: 120px; background: #000;"
            + " z-index: 2147483647 }";

    /** Records CSP violations and console warnings where the test can read them (no inline script allowed). */
    static final String CAPTURE = "window.__violations = []; window.__warnings = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + "  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI); });"
            + "var warn = console.warn; console.warn = function () {"
            + "  window.__warnings.push(Array.prototype.join.call(arguments, ' ')); warn.apply(console, arguments); };";

    @LocalServerPort
    int port;

    HttpServer shop;
    String shopOrigin;
    WebDriver browser;
    WebDriverWait wait;
    String userHash = "";

    @BeforeEach
    void openShop() throws Exception {
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String type = "text/html; charset=utf-8";
            String body;
            if (path.equals("/capture.js")) {
                type = "text/javascript";
                body = CAPTURE;
            } else if (path.equals("/hostile.css")) {
                type = "text/css";
                body = HOSTILE;
            } else {
                body = page(exchange.getRequestURI().getRawQuery());
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders()
                    .set(
                            "Content-Security-Policy",
                            "default-src 'self'; script-src 'self' http://localhost:" + port
                                    + "; connect-src 'self' http://localhost:" + port
                                    + "; style-src 'self'; img-src 'self' data:");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        shop.start();
        shopOrigin = "http://127.0.0.1:" + shop.getAddress().getPort();
        patchJson("/api/v1/workspace", json("{'settings':{'allowed_origins':['" + shopOrigin + "']}}"))
                .andExpect(status().isOk());
    }

    @AfterEach
    void closeShop() {
        if (browser != null) {
            browser.quit();
        }
        shop.stop(0);
    }

    String page(String query) {
        String q = query == null ? "" : query;
        String visitor = q.replaceAll(".*visitor=([A-Za-z0-9-]+).*", "$1");
        String slot = q.contains("slot") ? "<div data-opennps-slot=\"thank-you\"></div>" : "";
        String lang = q.matches(".*lang=[a-z]{2}.*") ? q.replaceAll(".*lang=([a-z]{2}).*", "$1") : "en";
        return "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Shop</title>"
                + "<script src=\"/capture.js\"></script><link rel=\"stylesheet\" href=\"/hostile.css\"></head>"
                + "<body><h1>Thank you for shopping</h1>" + slot + "<div class=\"sticky\">Free delivery!</div>"
                + "<script src=\"http://localhost:" + port + "/widget.js\" data-key=\""
                + workspace.workspace().publicKey() + "\" data-external-id=\"" + visitor + "\""
                + (userHash.isEmpty() ? "" : " data-user-hash=\"" + userHash + "\"") + " async></script>"
                + "</body></html>";
    }

    void open(int width, int height, String query) {
        browser = Browsers.chromium(width, height);
        wait = Browsers.await(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(shopOrigin + "/?" + query);
        wait.until(d -> Boolean.TRUE.equals(js("return !!(window.opennps && window.opennps.loaded)")));
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

    String pageViewSurvey() throws Exception {
        return com.jayway.jsonpath.JsonPath.read(
                postJson(
                                "/api/v1/surveys",
                                json("{'name':'Page NPS'," + ClientSurveyTests.QUESTIONS
                                        + ",'display':{'triggers':['page_view'],'mode':'once'}}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    @SuppressWarnings("unchecked")
    Map<String, Number> box(WebElement element) {
        return (Map<String, Number>) js(
                "var r = arguments[0].getBoundingClientRect();"
                        + " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, w: r.width, h: r.height};",
                element);
    }

    /** Whether a click at the middle of the element reaches it (nothing of the page covers it). */
    boolean reachable(WebElement element) {
        return Boolean.TRUE.equals(js(
                "var e = arguments[0], r = e.getBoundingClientRect();"
                        + " var host = e.getRootNode().host;"
                        + " var hit = host.shadowRoot.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                        + " return hit === e || e.contains(hit);",
                element));
    }

    @Test
    void onAStrictCspHostilePageInAShortPhoneViewportTheWidgetLooksAsDesignedAndEveryScoreIsReachable()
            throws Exception {
        pageViewSurvey();
        open(390, 450, "visitor=v-strict");
        SearchContext root = widget();
        wait.until(d -> root.findElements(By.cssSelector(".scale button")).size() == 11);
        assertThat((String) js("return document.querySelector('[data-opennps]').localName"))
                .isEqualTo("opennps-survey");
        assertThat((Long) js("return document.querySelector('[data-opennps]').shadowRoot.adoptedStyleSheets.length"))
                .isEqualTo(1L);
        List<WebElement> scores = root.findElements(By.cssSelector(".scale button"));
        for (WebElement score : scores) {
            js("arguments[0].scrollIntoView({block: 'nearest'})", score);
            Map<String, Number> b = box(score);
            assertThat(b.get("w").doubleValue())
                    .as("score %s width", score.getText())
                    .isGreaterThanOrEqualTo(44);
            assertThat(b.get("h").doubleValue())
                    .as("score %s height", score.getText())
                    .isGreaterThanOrEqualTo(44);
            assertThat(b.get("left").doubleValue()).isGreaterThanOrEqualTo(0);
            assertThat(b.get("right").doubleValue()).isLessThanOrEqualTo(390);
            assertThat(reachable(score))
                    .as("score %s is not covered", score.getText())
                    .isTrue();
        }
        @SuppressWarnings("unchecked")
        List<String> looks = (List<String>)
                js("var h = document.querySelector('[data-opennps]'), b = h.shadowRoot.querySelector('.scale button');"
                        + " var hs = getComputedStyle(h), bs = getComputedStyle(b);"
                        + " return [hs.opacity, hs.transform, hs.display, bs.color, bs.fontSize, bs.display];");
        assertThat(looks).containsExactly("1", "none", "block", "rgb(17, 24, 39)", "15px", "block");
        scores.get(8).click();
        wait.until(d -> !root.findElements(By.cssSelector("input[type=radio]")).isEmpty());
        WebElement area = root.findElements(By.cssSelector("input[type=radio]")).getFirst();
        js("arguments[0].scrollIntoView({block: 'nearest'})", area);
        area.click();
        WebElement send = root.findElement(By.cssSelector(".submit"));
        js("arguments[0].scrollIntoView({block: 'nearest'})", send);
        assertThat(box(send).get("bottom").doubleValue()).isLessThanOrEqualTo(450);
        assertThat(reachable(send)).as("Send is not covered by the sticky bar").isTrue();
        Browsers.screenshot(browser, "widget-strict-csp-390x450");
        send.click();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> getJson("/api/v1/responses?channel=web")
                        .andExpect(jsonPath("$.items[0].score").value(8)));
        assertThat((List<?>) js("return window.__violations")).isEmpty();
    }

    /** Every state of the widget on the strict, hostile page passes axe-core in every shipped language. */
    @Test
    void theWidgetHasNoSeriousAxeViolationInAnyShippedLanguage() throws Exception {
        List<String> locales = Wording.SHIPPED.stream().sorted().toList();
        String texts = locales.stream()
                .map(l -> "'" + l + "':'(" + l + ") How likely are you to recommend us?'")
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        String area = locales.stream()
                .map(l -> "'" + l + "':'(" + l + ") Which area?'")
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        String thanks = locales.stream()
                .map(l -> "'" + l + "':'(" + l + ") Thanks!'")
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        postJson(
                        "/api/v1/surveys",
                        json("{'name':'Page NPS','questions':[{'id':'nps','type':'nps','text':" + texts + "},"
                                + "{'id':'area','type':'single_choice','text':" + area
                                + ",'options':['Product','Pricing'],'show_if':{'category':['passive','detractor']},"
                                + "'required':true}],'thank_you':" + thanks
                                + ",'display':{'triggers':['page_view'],'mode':'once'}}"))
                .andExpect(status().isCreated());
        List<String> found = new java.util.ArrayList<>();
        for (String locale : locales) {
            clock.advance(Duration.ofMinutes(7)); // keeps under the answers-per-hour limit of one address
            if (browser != null) {
                browser.quit();
            }
            open(390, 844, "visitor=v-axe-" + locale + "&lang=" + locale);
            SearchContext root = widget();
            wait.until(d -> root.findElements(By.cssSelector(".scale button")).size() == 11);
            assertThat(root.findElement(By.cssSelector("[lang]")).getAttribute("lang"))
                    .startsWith(locale);
            Axe.seriousViolationsIn(browser, "opennps-survey").forEach(v -> found.add(locale + " scores: " + v));
            root.findElements(By.cssSelector(".scale button")).get(7).click();
            wait.until(
                    d -> !root.findElements(By.cssSelector("input[type=radio]")).isEmpty());
            Axe.seriousViolationsIn(browser, "opennps-survey").forEach(v -> found.add(locale + " follow-up: " + v));
            WebElement first =
                    root.findElements(By.cssSelector("input[type=radio]")).getFirst();
            js("arguments[0].scrollIntoView({block: 'nearest'})", first);
            first.click();
            WebElement send = root.findElement(By.cssSelector(".submit"));
            js("arguments[0].scrollIntoView({block: 'nearest'})", send);
            send.click();
            wait.until(d -> root.findElements(By.cssSelector(".submit")).isEmpty());
            Axe.seriousViolationsIn(browser, "opennps-survey").forEach(v -> found.add(locale + " thanks: " + v));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void aPageOriginMissingFromTheAllowedOriginsIsNamedInTheConsole() throws Exception {
        patchJson("/api/v1/workspace", json("{'settings':{'allowed_origins':['https://other.example']}}"))
                .andExpect(status().isOk());
        open(1024, 768, "visitor=v-origin");
        wait.until(d -> {
            @SuppressWarnings("unchecked")
            List<String> warnings = (List<String>) js("return window.__warnings");
            return warnings.stream().anyMatch(w -> w.contains(shopOrigin) && w.contains("allowed_origins"));
        });
    }

    @Test
    void trackFillsTheSlotOfTheSamePageWithoutAReload() throws Exception {
        String surveyId = com.jayway.jsonpath.JsonPath.read(
                postJson("/api/v1/surveys", json("{'name':'After purchase'," + ClientSurveyTests.QUESTIONS + "}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        // Events sent with the public key start only campaigns that accept them from signed visitors.
        String secret = com.jayway.jsonpath.JsonPath.read(
                postJson("/api/v1/workspace/identity-secret", "{}")
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.secret");
        userHash = ClientSurveyTests.hmac(secret, "buyer-track");
        postJson(
                        "/api/v1/campaigns",
                        json("{'name':'Slot after purchase','survey_id':'" + surveyId + "','status':'active',"
                                + "'trigger':{'event_type':'order.placed','accept_client_events':true,"
                                + "'require_signed_identity':true},"
                                + "'steps':[{'type':'action','action':'web'}]}"))
                .andExpect(status().isCreated());
        open(1024, 768, "visitor=buyer-track&slot=1");
        assertThat(browser.findElements(By.cssSelector("[data-opennps-slot] [data-opennps]")))
                .isEmpty();
        js("window.opennps.track('order.placed', {order_id: 'o-7'})");
        WebElement host =
                wait.until(d -> d.findElements(By.cssSelector("[data-opennps-slot=thank-you] [data-opennps]")).stream()
                        .findFirst()
                        .orElse(null));
        SearchContext root = host.getShadowRoot();
        wait.until(
                d -> root.findElements(By.cssSelector(".inline .scale button")).size() == 11);
        assertThat(root.findElements(By.cssSelector(".backdrop"))).isEmpty();
    }

    @Test
    void widgetJsTravelsCompressed() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> plain = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/widget.js"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> gzip = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/widget.js"))
                            .header("Accept-Encoding", "gzip")
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(gzip.body().length).isLessThan(plain.body().length / 2);
        }
    }
}
