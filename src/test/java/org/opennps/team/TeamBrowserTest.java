package org.opennps.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.Axe;
import org.opennps.support.BrowserTest;
import org.opennps.support.Browsers;
import org.opennps.support.OnH2;
import org.opennps.support.TestMailServer;
import org.opennps.support.TestOidcProvider;
import org.opennps.workspace.UserService;
import org.opennps.workspace.WorkspaceService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The team in headless Chromium: an owner invites an agent and a viewer by e-mail, the agent
 * chooses a password from the e-mail, cannot open Settings and replies to a detractor whose case
 * the starter rule opened; the customer gets the reply; the viewer reads but cannot change the
 * case; single sign-on signs a member in. axe-core finds no serious violation on the pages seen.
 */
@OnH2
@BrowserTest
class TeamBrowserTest extends ApiTestBase {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<]+/account/password\\?token=[A-Za-z0-9_-]+");
    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    UserService users;

    @Autowired
    TestMailServer smtp;

    @Autowired
    TestOidcProvider provider;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    WebDriver browser;
    WebDriverWait wait;
    String base;
    final List<String> violations = new ArrayList<>();
    /** The paths axe ran on, in any role. */
    final java.util.Set<String> axed = new java.util.TreeSet<>();

    /**
     * GET routes of the admin app that are not pages of their own, so axe does not run on them
     * alone: each is listed by the enumeration below, or this list is stale.
     */
    static final Map<String, String> NOT_PAGES = Map.of(
            "/dashboard/themes", "the themes panel the dashboard fetches into itself",
            "/settings/imports/{id}/progress", "the progress panel an import's page fetches into itself",
            "/responses/export.csv", "the inbox as a CSV file");

    @BeforeEach
    void teamWorkspace() {
        String slug = "crew-" + UUID.randomUUID().toString().substring(0, 8);
        workspace = workspaces.create(slug, "Crew " + slug, "Europe/Warsaw", false, null, true);
        key = workspace.apiKey().key();
        base = "http://localhost:" + port;
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
    }

    void open(String path) {
        browser.get(base + path);
    }

    void axe(String page) throws Exception {
        axed.add(java.net.URI.create(browser.getCurrentUrl()).getPath());
        Axe.seriousViolations(browser).forEach(v -> violations.add(page + " → " + v));
    }

    /**
     * Every GET route of the admin app's page controllers, from the handler mappings: the
     * application's {@code @Controller} methods that render a view, less the respondent pages
     * ({@code /s/…}, {@code /l/…}), which the respondent browser tests run axe on.
     */
    java.util.SortedSet<String> adminGetRoutes() {
        java.util.SortedSet<String> routes = new java.util.TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Class<?> type = method.getBeanType();
            boolean page = type.getName().startsWith("org.opennps.")
                    && !org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(
                            type, org.springframework.web.bind.annotation.ResponseBody.class)
                    && !method.hasMethodAnnotation(org.springframework.web.bind.annotation.ResponseBody.class);
            var methods = info.getMethodsCondition().getMethods();
            boolean get =
                    methods.isEmpty() || methods.contains(org.springframework.web.bind.annotation.RequestMethod.GET);
            if (page && get) {
                info.getPatternValues().stream()
                        .filter(p -> !p.startsWith("/s/") && !p.startsWith("/l/"))
                        .forEach(routes::add);
            }
        });
        return routes;
    }

    /**
     * Runs axe on every admin page reachable from the main navigation and, on Settings, its
     * sub-navigation, as the signed-in person sees them, and on the given extra pages (builders,
     * confirmation pages) that the navigation reaches only through a list.
     */
    java.util.Set<String> axeSweep(String role, String... extra) throws Exception {
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        Map<String, String> foundOn = new java.util.HashMap<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of("/"));
        todo.addAll(List.of(extra));
        while (!todo.isEmpty()) {
            String path = todo.poll();
            if (!seen.add(path)) {
                continue;
            }
            open(path);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            assertThat(browser.findElements(By.cssSelector("nav.main")))
                    .as(
                            "%s sees %s (%s, linked from %s) as an admin page",
                            role, path, browser.getTitle(), foundOn.get(path))
                    .isNotEmpty();
            axe(role + " " + path);
            String navs = path.startsWith("/settings") ? "nav.main a, nav.subnav a" : "nav.main a";
            for (var link : browser.findElements(By.cssSelector(navs))) {
                String href = java.net.URI.create(link.getAttribute("href")).getPath();
                if (!seen.contains(href)) {
                    foundOn.putIfAbsent(
                            href,
                            path + " (" + browser.getCurrentUrl() + ", " + browser.getTitle() + ") as "
                                    + link.getAttribute("outerHTML"));
                    todo.add(href);
                }
            }
        }
        assertThat(seen).as("pages %s saw", role).hasSizeGreaterThan(4 + extra.length);
        open("/");
        return seen;
    }

    void signIn(String email, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    void signOut() {
        browser.findElement(By.xpath("//button[text()='Sign out']")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    void invite(String email, String role) {
        open("/settings/members");
        browser.findElement(By.id("invite-email")).sendKeys(email);
        new Select(browser.findElement(By.id("invite-role"))).selectByValue(role);
        browser.findElement(By.xpath("//button[text()='Send invitation']")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Invitation sent to " + email));
    }

    /** Opens the link of the invitation e-mail and chooses a password. */
    void acceptInvitation(String email) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> !smtp.to(email).isEmpty());
        var link = LINK.matcher(MailText.of(smtp.to(email).getLast()));
        assertThat(link.find()).isTrue();
        var uri = java.net.URI.create(link.group());
        open(uri.getPath() + "?" + uri.getRawQuery());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), email));
        axe("choose a password");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("confirmation")).sendKeys(PASSWORD);
        browser.findElement(By.xpath("//button[text()='Save password']")).click();
        wait.until(ExpectedConditions.urlContains("/login?password-set"));
    }

    @Test
    void anOwnerInvitesAnAgentWhoRepliesAndAViewerWhoOnlyReads() throws Exception {
        String owner = address("owner");
        // an owner of the installation too, so that the sweep also reaches "New workspace"
        users.createInstallationOwner(owner, PASSWORD, workspace.workspace().id());
        String agent = address("agent");
        String viewer = address("viewer");
        browser = Browsers.chromium(1280, 900);
        wait = Browsers.await(browser, Duration.ofSeconds(15));

        String survey = createSurvey(json("{'name':'NPS','questions':[{'id':'nps','type':'nps','text':'How likely?'},"
                + "{'id':'why','type':'text','text':'Why?','required':false}]}"));
        String campaign = createCampaign(survey, "draft");
        String importJob = JsonPath.read(
                mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/api/v1/imports?format=delighted&dry_run=true")
                                .header("Authorization", "Bearer " + key)
                                .contentType(org.springframework.http.MediaType.TEXT_PLAIN)
                                .content("Score,Comment,Response ID,Email,Name,Date\n"
                                        + "9,Fast,d-1,ann@shop.example,Ann,2026-01-15 10:00:00 +0000\n"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String[] builderPages = {
            "/campaigns/" + campaign,
            "/campaigns/new?template=after_purchase",
            "/campaigns/" + campaign + "/delete",
            "/surveys/" + survey,
            "/surveys/" + survey + "/delete",
            "/campaigns?archived=true",
            "/surveys?archived=true"
        };

        open("/login");
        axe("sign-in");
        browser.findElement(By.linkText("Forgot your password?")).click();
        wait.until(ExpectedConditions.urlContains("/account/reset"));
        axe("forgot password");
        signIn(owner, PASSWORD);
        invite(agent, "agent");
        invite(viewer, "viewer");
        axe("members");
        open("/settings/alerts");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Detractors open a case");
        Browsers.screenshot(browser, "team-members");
        java.util.Set<String> ownerSaw = axeSweep(
                "owner",
                java.util.stream.Stream.concat(
                                java.util.Arrays.stream(builderPages),
                                java.util.stream.Stream.of("/settings/imports", "/settings/imports/" + importJob))
                        .toArray(String[]::new));
        assertThat(ownerSaw).as("pages the owner saw").contains("/workspaces/new", "/settings/imports/" + importJob);
        // the survey editor's preview frame, on its own (axe is injected into the top document only)
        open("/surveys/" + survey + "/preview?score=3");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q-nps")));
        axe("survey preview");
        open("/");
        signOut();

        String customer = address("customer").replace("@shop.example", "@mail.example");
        String response = JsonPath.read(
                postJson(
                                "/api/v1/responses",
                                json("{'survey_id':'" + survey + "','score':3,'answers':{'why':'The parcel was late.'},"
                                        + "'contact':{'external_id':'c-1','name':'Ann Lee','email':'" + customer
                                        + "'}}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");

        // another workspace's detractor, which nobody of this team may see
        String ownKey = key;
        key = testWorkspaces.create().apiKey().key();
        String otherSurvey = createSurvey(json("{'name':'Elsewhere','questions':[{'id':'nps','type':'nps','text':'?'},"
                + "{'id':'why','type':'text','text':'Why?','required':false}]}"));
        String elsewhere = JsonPath.read(
                postJson(
                                "/api/v1/responses",
                                json("{'survey_id':'" + otherSurvey
                                        + "','score':1,'answers':{'why':'Another shop lost my box.'},"
                                        + "'contact':{'external_id':'x-1','email':'" + address("x") + "'}}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        key = ownKey;

        acceptInvitation(agent);
        signIn(agent, PASSWORD);
        open("/settings");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(browser.findElements(By.linkText("Settings"))).isEmpty();
        axe("not allowed");
        open("/responses");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "The parcel was late."));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Another shop lost my box.");
        axe("inbox");
        open("/responses/" + elsewhere);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Another shop lost my box.");
        axe("not found");
        open("/responses/" + response);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-body")));
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("open");
        axe("response with case");
        browser.findElement(By.id("reply-subject")).clear();
        browser.findElement(By.id("reply-subject")).sendKeys("Sorry about the late parcel");
        browser.findElement(By.id("reply-body")).sendKeys("Hello, a voucher is on its way to you.");
        browser.findElement(By.xpath("//button[text()='Send reply']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case"), "Reply sent to the customer."));
        assertThat(browser.findElement(By.cssSelector("ol.thread")).getText()).contains("a voucher is on its way");
        Browsers.screenshot(browser, "team-case-reply");
        await().atMost(Duration.ofSeconds(20)).until(() -> !smtp.to(customer).isEmpty());
        assertThat(smtp.to(customer).getFirst().getSubject()).isEqualTo("Sorry about the late parcel");
        assertThat(MailText.of(smtp.to(customer).getFirst())).contains("a voucher is on its way to you.");
        browser.findElement(By.linkText("Contacts")).click();
        browser.findElement(By.linkText("Ann Lee")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Reply by " + agent));
        axe("contact timeline");
        axeSweep("agent", builderPages);
        signOut();

        acceptInvitation(viewer);
        signIn(viewer, PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        axe("dashboard");
        open("/responses/" + response);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("case"), "Your role can read cases but not change them."));
        assertThat(browser.findElements(By.xpath("//button[text()='Send reply']")))
                .isEmpty();
        assertThat(browser.findElements(By.xpath("//button[text()='Save case']")))
                .isEmpty();
        assertThat(browser.findElement(By.cssSelector("ol.thread")).getText()).contains("a voucher is on its way");
        open("/settings/members");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        axeSweep("viewer", builderPages);
        open("/access-denied");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        axe("access denied");

        var routes = adminGetRoutes();
        assertThat(routes)
                .as("admin GET routes")
                .containsAll(NOT_PAGES.keySet())
                .hasSizeGreaterThan(20);
        var parser = org.springframework.web.util.pattern.PathPatternParser.defaultInstance;
        var uncovered = routes.stream()
                .filter(r -> !NOT_PAGES.containsKey(r))
                .filter(r -> axed.stream()
                        .noneMatch(path ->
                                parser.parse(r).matches(org.springframework.http.server.PathContainer.parsePath(path))))
                .toList();
        assertThat(uncovered)
                .as("admin pages axe did not run on (it ran on %s)", axed)
                .isEmpty();
        assertThat(violations).isEmpty();
    }

    @Test
    void aMemberSignsInWithSingleSignOn() {
        String eve = address("eve");
        users.createUser(eve, PASSWORD, workspace.workspace().id(), UserService.AGENT);
        browser = Browsers.chromium(1280, 900);
        wait = Browsers.await(browser, Duration.ofSeconds(15));
        provider.nextSignIn("eve", Map.of("email", eve, "email_verified", true));

        open("/responses");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.linkText("Sign in with Test SSO")).click();
        wait.until(ExpectedConditions.urlContains("/responses"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Responses");
        assertThat(browser.findElement(By.cssSelector(".who")).getText()).contains("agent");
    }
}
