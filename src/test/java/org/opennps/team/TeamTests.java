package org.opennps.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.TestMailServer;
import org.opennps.workspace.Role;
import org.opennps.workspace.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Members, roles, invitations, resets and key scopes; run on H2 and on PostgreSQL by the subclasses. */
abstract class TeamTests extends ApiTestBase {

    static final String PASSWORD = "correct horse battery";
    private static final Pattern LINK = Pattern.compile("/account/password\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    UserService users;

    @Autowired
    TestMailServer smtp;

    static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
    }

    /** A signed-in member of the test's workspace with this role. */
    RequestPostProcessor as(org.opennps.workspace.Role role) {
        String email = address(role.code());
        users.createUser(email, PASSWORD, workspace.workspace().id(), role);
        return user(users.loadUserByUsername(email));
    }

    String tokenIn(String to) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> !smtp.to(to).isEmpty());
        MimeMessage mail = smtp.to(to).getLast();
        String text = MailText.of(mail);
        var matcher = LINK.matcher(text);
        assertThat(matcher.find()).as("link in the e-mail: %s", text).isTrue();
        return matcher.group(1);
    }

    @Test
    void anInvitedAgentChoosesAPasswordFromTheEmailAndSignsIn() throws Exception {
        String eve = address("eve");
        postJson("/api/v1/members", json("{'email':'" + eve.toUpperCase() + "','role':'agent'}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(eve))
                .andExpect(jsonPath("$.role").value("agent"))
                .andExpect(jsonPath("$.status").value("invited"));
        mvc.perform(formLogin().user(eve).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));

        String token = tokenIn(eve);
        assertThat(smtp.to(eve).getLast().getSubject()).startsWith("You are invited to Test ");
        mvc.perform(get("/account/password").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(eve)));
        mvc.perform(post("/account/password")
                        .param("token", token)
                        .param("password", "short")
                        .param("confirmation", "short")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Password must be at least 10 characters.")));
        mvc.perform(post("/account/password")
                        .param("token", token)
                        .param("password", PASSWORD)
                        .param("confirmation", PASSWORD)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?password-set"));
        mvc.perform(formLogin().user(eve).password(PASSWORD)).andExpect(redirectedUrl("/"));
        getJson("/api/v1/members")
                .andExpect(
                        jsonPath("$.items[?(@.email == '" + eve + "')].status").value("active"));

        mvc.perform(post("/account/password")
                        .param("token", token)
                        .param("password", "another long password")
                        .param("confirmation", "another long password")
                        .with(csrf()))
                .andExpect(content().string(Matchers.containsString("expired or was used already")));
    }

    @Test
    void anInvitationLinkExpires() throws Exception {
        String late = address("late");
        postJson("/api/v1/members", json("{'email':'" + late + "','role':'viewer'}"))
                .andExpect(status().isCreated());
        String token = tokenIn(late);
        clock.advance(Duration.ofDays(8));
        mvc.perform(get("/account/password").param("token", token))
                .andExpect(content().string(Matchers.containsString("expired or was used already")));
    }

    @Test
    void invitingIsValidatedAndACurrentMemberIsAConflict() throws Exception {
        postJson("/api/v1/members", json("{'email':'not an address','role':'agent'}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        postJson("/api/v1/members", json("{'email':'" + address("x") + "','role':'boss'}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        String ann = address("ann");
        postJson("/api/v1/members", json("{'email':'" + ann + "','role':'agent'}"))
                .andExpect(status().isCreated());
        postJson("/api/v1/members", json("{'email':'" + ann + "','role':'viewer'}"))
                .andExpect(status().isConflict());
    }

    @Test
    void rolesChangeAndTheLastOwnerStays() throws Exception {
        String owner = address("owner");
        UUID ownerId = users.createUser(owner, PASSWORD, workspace.workspace().id(), UserService.OWNER);
        String id = JsonPath.read(
                postJson("/api/v1/members", json("{'email':'" + address("bob") + "','role':'viewer'}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        patchJson("/api/v1/members/" + id, json("{'role':'admin'}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("admin"));
        patchJson("/api/v1/members/" + ownerId, json("{'role':'agent'}")).andExpect(status().isConflict());
        deleteJson("/api/v1/members/" + ownerId).andExpect(status().isConflict());
        deleteJson("/api/v1/members/" + id).andExpect(status().isNoContent());
        deleteJson("/api/v1/members/" + id).andExpect(status().isNotFound());

        var other = testWorkspaces.create();
        UUID outsider =
                users.createUser(address("out"), PASSWORD, other.workspace().id(), UserService.OWNER);
        patchJson("/api/v1/members/" + outsider, json("{'role':'viewer'}")).andExpect(status().isNotFound());
        deleteJson("/api/v1/members/" + outsider).andExpect(status().isNotFound());
    }

    @Test
    void aRemovedMembersCasesStayWithoutOwner() throws Exception {
        String agent = address("agent");
        UUID agentId = users.createUser(agent, PASSWORD, workspace.workspace().id(), UserService.AGENT);
        String survey = createSurvey(json("{'name':'NPS','questions':[{'id':'nps','type':'nps','text':'?'}]}"));
        String response = JsonPath.read(
                postJson(
                                "/api/v1/responses",
                                json("{'survey_id':'" + survey + "','score':2,'contact':{'external_id':'c-1'}}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String caseId = JsonPath.read(
                postJson("/api/v1/cases", json("{'response_id':'" + response + "'}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        patchJson("/api/v1/cases/" + caseId, json("{'owner':'" + agent + "'}")).andExpect(status().isOk());

        deleteJson("/api/v1/members/" + agentId).andExpect(status().isNoContent());

        getJson("/api/v1/cases/" + caseId)
                .andExpect(jsonPath("$.status").value("open"))
                .andExpect(jsonPath("$.owner").doesNotExist());
        mvc.perform(formLogin().user(agent).password(PASSWORD)).andExpect(redirectedUrl("/"));
        var removed = user(users.loadUserByUsername(agent));
        mvc.perform(get("/responses").with(removed)).andExpect(status().isForbidden());
    }

    @Test
    void eachRoleOpensOnlyItsPages() throws Exception {
        RequestPostProcessor viewer = as(UserService.VIEWER);
        RequestPostProcessor agent = as(UserService.AGENT);
        RequestPostProcessor admin = as(UserService.ADMIN);
        RequestPostProcessor owner = as(UserService.OWNER);
        UUID someResponse = UUID.randomUUID();

        for (var anyone : new RequestPostProcessor[] {viewer, agent, admin, owner}) {
            mvc.perform(get("/").with(anyone)).andExpect(status().isOk());
            mvc.perform(get("/responses").with(anyone)).andExpect(status().isOk());
        }
        for (var reader : new RequestPostProcessor[] {viewer, agent}) {
            for (String page : new String[] {"/", "/responses", "/campaigns", "/surveys", "/contacts"}) {
                mvc.perform(get(page).with(reader))
                        .andExpect(content()
                                .string(Matchers.not(Matchers.containsString("href=\"/settings\">Settings</a>"))));
            }
        }
        mvc.perform(get("/settings").with(viewer)).andExpect(status().isForbidden());
        mvc.perform(get("/settings").with(agent))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/access-denied"));
        mvc.perform(get("/settings").with(admin)).andExpect(status().isOk());
        mvc.perform(get("/settings").with(owner)).andExpect(status().isOk());

        mvc.perform(post("/responses/" + someResponse + "/case").with(viewer).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/responses/" + someResponse + "/case").with(agent).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/surveys/new").param("template", "x").with(agent).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/api-keys").param("name", "k").with(admin).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/api-keys").param("name", "k").with(owner).with(csrf()))
                .andExpect(redirectedUrl("/settings#api-keys"));
        mvc.perform(get("/settings/members").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("Send invitation"))));
        mvc.perform(post("/settings/members")
                        .param("email", address("z"))
                        .param("role", "viewer")
                        .with(admin)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/").with(agent))
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/settings\">Settings</a>"))));
    }

    /** Where the forms of a page post to, less those any member may use. */
    java.util.List<String> writingFormsOn(String page, RequestPostProcessor who) throws Exception {
        String html = mvc.perform(get(page).with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var forms = Pattern.compile("<form\\b[^>]*>").matcher(html);
        java.util.List<String> actions = new java.util.ArrayList<>();
        while (forms.find()) {
            String tag = forms.group();
            var action = Pattern.compile("action=\"([^\"]*)\"").matcher(tag);
            String target = action.find() ? action.group(1) : "";
            if (tag.matches("(?is).*method=\"post\".*")
                    && !target.equals("/logout")
                    && !target.equals("/workspace/switch")
                    && !target.endsWith("/preview")) {
                actions.add(target);
            }
        }
        return actions;
    }

    @Test
    void readersAreOfferedNoFormTheirRoleWouldRefuse() throws Exception {
        String survey =
                createSurvey(json("{'name':'NPS','questions':[{'id':'nps','type':'nps','text':'How likely?'}]}"));
        String campaign = createCampaign(json("{'name':'After purchase','survey_id':'" + survey + "',"
                + "'trigger':{'event_type':'order.placed'},"
                + "'steps':[{'type':'action','action':'email'}]}"));
        String[] pages = {
            "/surveys",
            "/surveys/" + survey,
            "/campaigns",
            "/campaigns/" + campaign,
            "/campaigns/new?template=after_purchase"
        };
        for (Role role : new Role[] {UserService.VIEWER, UserService.AGENT}) {
            RequestPostProcessor reader = as(role);
            for (String page : pages) {
                assertThat(writingFormsOn(page, reader))
                        .as("forms %s is offered on %s", role, page)
                        .isEmpty();
            }
            mvc.perform(get("/surveys/" + survey).with(reader))
                    .andExpect(content().string(Matchers.containsString("Your role can read this survey")))
                    .andExpect(content().string(Matchers.containsString("<fieldset class=\"bare\" disabled")));
        }
        RequestPostProcessor admin = as(UserService.ADMIN);
        assertThat(writingFormsOn("/surveys", admin)).contains("/surveys/new");
        assertThat(writingFormsOn("/surveys/" + survey, admin)).contains("/surveys/" + survey);
        assertThat(writingFormsOn("/campaigns/" + campaign, admin)).contains("/campaigns/" + campaign);
        assertThat(writingFormsOn("/campaigns/new?template=after_purchase", admin))
                .contains("/campaigns/new");
        mvc.perform(get("/campaigns").with(admin))
                .andExpect(content().string(Matchers.containsString("New campaign from a template")));
    }

    @Test
    void theMembersPageKeepsWhatWasTypedAndSaysWhatIsWrong() throws Exception {
        RequestPostProcessor owner = as(UserService.OWNER);
        mvc.perform(post("/settings/members")
                        .param("email", "ann at shop")
                        .param("role", "viewer")
                        .with(owner)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"ann at shop\"")))
                .andExpect(content().string(Matchers.containsString("E-mail must be a valid e-mail address.")));
        String ann = address("ann");
        mvc.perform(post("/settings/members")
                        .param("email", ann)
                        .param("role", "viewer")
                        .with(owner)
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/members"));
        assertThat(tokenIn(ann)).isNotBlank();
    }

    @Test
    void aReadOnlyKeyReadsButNeverWrites() throws Exception {
        String readKey = JsonPath.read(
                postJson("/api/v1/api-keys", json("{'name':'dashboards','scope':'read'}"))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.info.scope").value("read"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.key");
        postJson("/api/v1/api-keys", json("{'name':'x','scope':'everything'}"))
                .andExpect(status().isUnprocessableEntity());
        key = readKey;
        getJson("/api/v1/workspace").andExpect(status().isOk());
        getJson("/api/v1/surveys").andExpect(status().isOk());
        getJson("/api/v1/members").andExpect(status().isForbidden());
        getJson("/api/v1/api-keys").andExpect(status().isForbidden());
        postJson("/api/v1/surveys", json("{'name':'x','questions':[]}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        patchJson("/api/v1/workspace", json("{'name':'x'}")).andExpect(status().isForbidden());
        postJson("/api/v1/events", json("{'type':'x','contact':{'external_id':'a'}}"))
                .andExpect(status().isForbidden());
        deleteJson("/api/v1/contacts/" + UUID.randomUUID()).andExpect(status().isForbidden());
        postJson("/api/v1/members", json("{'email':'" + address("r") + "','role':'viewer'}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aForgottenPasswordIsResetThroughTheEmailedLink() throws Exception {
        String carol = address("carol");
        users.createUser(carol, PASSWORD, workspace.workspace().id(), UserService.AGENT);
        // a forged Host header cannot point the e-mailed link at another site
        mvc.perform(post("/account/reset")
                        .param("email", carol)
                        .header("Host", "evil.example")
                        .header("X-Forwarded-Host", "evil.example")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("If this address belongs to an account")));
        String nobody = address("nobody");
        mvc.perform(post("/account/reset").param("email", nobody).with(csrf()))
                .andExpect(content().string(Matchers.containsString("If this address belongs to an account")));

        String token = tokenIn(carol);
        assertThat(smtp.to(carol).getLast().getSubject()).isEqualTo("Reset your OpenNPS password");
        assertThat(MailText.of(smtp.to(carol).getLast())).doesNotContain("evil.example");
        mvc.perform(post("/account/password")
                        .param("token", token)
                        .param("password", "a brand new secret")
                        .param("confirmation", "a brand new secret")
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?password-set"));
        mvc.perform(formLogin().user(carol).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user(carol).password("a brand new secret")).andExpect(redirectedUrl("/"));
        assertThat(smtp.to(nobody)).isEmpty();
    }

    @Test
    void installationOwnersCreateWorkspacesFromTheApp() throws Exception {
        String founder = address("founder");
        users.createInstallationOwner(founder, PASSWORD, workspace.workspace().id());
        var signedIn = user(users.loadUserByUsername(founder));
        mvc.perform(get("/workspaces/new").with(signedIn)).andExpect(status().isOk());
        mvc.perform(post("/workspaces/new")
                        .param("name", "Second shop")
                        .param("time_zone", "Mars/Olympus")
                        .with(signedIn)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"Second shop\"")))
                .andExpect(content().string(Matchers.containsString("Use a time zone name")));
        var session = new org.springframework.mock.web.MockHttpSession();
        mvc.perform(post("/workspaces/new")
                        .param("name", "Second shop")
                        .param("time_zone", "Europe/Berlin")
                        .with(signedIn)
                        .with(csrf())
                        .session(session))
                .andExpect(redirectedUrl("/settings"));
        mvc.perform(get("/settings").with(signedIn).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"Second shop\"")));

        mvc.perform(get("/workspaces/new").with(as(UserService.OWNER))).andExpect(status().isForbidden());
    }

    @Autowired
    org.thymeleaf.ITemplateEngine templates;

    @Autowired
    jakarta.servlet.ServletContext servletContext;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping routes;

    /** The main navigation as the layout renders it for this member (null: none known here). */
    String navigationFor(org.opennps.workspace.CurrentMember member) {
        var request = new org.springframework.mock.web.MockHttpServletRequest(servletContext);
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        var exchange = org.thymeleaf.web.servlet.JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(request, response);
        java.util.Map<String, Object> model = new java.util.HashMap<>();
        model.put("currentMember", member);
        return templates.process(
                "fragments/layout",
                java.util.Set.of("header"),
                new org.thymeleaf.context.WebContext(exchange, java.util.Locale.ENGLISH, model));
    }

    @Test
    void theNavigationOffersSettingsToAdminsAndOwnersOnlyAndNeverToSomeoneUnknown() {
        UUID ws = workspace.workspace().id();
        for (var role : org.opennps.workspace.Role.values()) {
            String nav = navigationFor(new org.opennps.workspace.CurrentMember(ws, role, java.util.List.of(ws)));
            assertThat(nav.contains(">Settings</a>"))
                    .as("%s sees Settings", role)
                    .isEqualTo(role.atLeast(org.opennps.workspace.Role.ADMIN));
            assertThat(nav).as("%s sees the dashboard", role).contains(">Dashboard</a>");
        }
        assertThat(navigationFor(null)).contains(">Responses</a>").doesNotContain(">Settings</a>");
    }

    /** Writing routes a viewer may use: they change nothing (see AccessRules) or are public. */
    private static final java.util.List<String> HARMLESS = java.util.List.of(
            "/workspace/switch", "/surveys/{id}/preview", "/campaigns/{id}/preview", "/login", "/logout");

    private static final java.util.List<String> PUBLIC_PREFIXES =
            java.util.List.of("/s/", "/l/", "/account/", "/api/v1/client/", "/error");

    @Test
    void aViewerIsRefusedEveryRouteThatChangesSomething() throws Exception {
        RequestPostProcessor viewer = as(UserService.VIEWER);
        java.util.List<String> let = new java.util.ArrayList<>();
        int tried = 0;
        for (var info : routes.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (HARMLESS.contains(pattern) || PUBLIC_PREFIXES.stream().anyMatch(pattern::startsWith)) {
                    continue;
                }
                for (var method : methods.isEmpty()
                        ? java.util.Set.of(org.springframework.web.bind.annotation.RequestMethod.POST)
                        : methods) {
                    if (method == org.springframework.web.bind.annotation.RequestMethod.GET
                            || method == org.springframework.web.bind.annotation.RequestMethod.HEAD
                            || method == org.springframework.web.bind.annotation.RequestMethod.OPTIONS) {
                        continue;
                    }
                    String path =
                            pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    int status = mvc.perform(
                                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(
                                                    org.springframework.http.HttpMethod.valueOf(method.name()), path)
                                            .with(viewer)
                                            .with(csrf())
                                            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                                            .content("{}"))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                    tried++;
                    if (status != 401 && status != 403) {
                        let.add(method + " " + pattern + " → " + status);
                    }
                }
            }
        }
        assertThat(tried).as("writing routes tried").isGreaterThan(50);
        assertThat(let).as("writing routes a viewer got through").isEmpty();
    }
}
