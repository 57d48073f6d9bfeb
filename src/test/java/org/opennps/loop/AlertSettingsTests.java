package org.opennps.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.workspace.UserService;
import org.opennps.workspace.WorkspaceService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The starter detractor rule and the Settings page for rules and the digest; H2 and PostgreSQL. */
abstract class AlertSettingsTests extends ApiTestBase {

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    UserService users;

    RequestPostProcessor admin;
    String ruleId;

    /** A workspace made for a team, as the first start and the app make them. */
    @BeforeEach
    void teamWorkspace() throws Exception {
        String slug = "team-" + UUID.randomUUID().toString().substring(0, 8);
        workspace = workspaces.create(slug, "Team " + slug, "Europe/Warsaw", false, null, true);
        key = workspace.apiKey().key();
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        users.createUser(email, "correct horse battery", workspace.workspace().id(), UserService.ADMIN);
        admin = user(users.loadUserByUsername(email));
        ruleId = JsonPath.read(
                getJson("/api/v1/alert-rules").andReturn().getResponse().getContentAsString(), "$.items[0].id");
    }

    @Test
    void aNewTeamWorkspaceOpensACaseDueInADayForEveryDetractor() throws Exception {
        getJson("/api/v1/alert-rules")
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].name").value("Detractors open a case"))
                .andExpect(jsonPath("$.items[0].when.category[0]").value("detractor"))
                .andExpect(jsonPath("$.items[0].create_case").value(true))
                .andExpect(jsonPath("$.items[0].due_in").value("PT24H"));
        String survey = createSurvey(json("{'name':'NPS','questions':[{'id':'nps','type':'nps','text':'?'}]}"));
        Instant answered = Instant.now();
        postJson("/api/v1/responses", json("{'survey_id':'" + survey + "','score':9,'contact':{'external_id':'p'}}"))
                .andExpect(status().isCreated());
        postJson("/api/v1/responses", json("{'survey_id':'" + survey + "','score':4,'contact':{'external_id':'d'}}"))
                .andExpect(status().isCreated());

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> getJson("/api/v1/cases?status=open")
                        .andExpect(jsonPath("$.items.length()").value(1))
                        .andExpect(jsonPath("$.items[0].score").value(4)));
        String due = JsonPath.read(
                getJson("/api/v1/cases?status=open").andReturn().getResponse().getContentAsString(),
                "$.items[0].due_at");
        assertThat(Instant.parse(due))
                .isBetween(answered.plus(Duration.ofHours(23)), answered.plus(Duration.ofHours(25)));
    }

    @Test
    void theRuleIsShownAndAMistakeKeepsWhatWasTyped() throws Exception {
        mvc.perform(get("/settings/alerts").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Detractors open a case")))
                .andExpect(content().string(containsString("value=\"24\"")));

        mvc.perform(post("/settings/alerts/" + ruleId)
                        .param("name", "Unhappy customers")
                        .param("categories", "detractor", "passive")
                        .param("emails", "support@shop.example\nnot-an-address")
                        .param("createCase", "true")
                        .param("dueAmount", "two")
                        .param("dueUnit", "days")
                        .param("active", "true")
                        .with(admin)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Unhappy customers\"")))
                .andExpect(content().string(containsString("Not an e-mail address: not-an-address.")))
                .andExpect(content().string(containsString("a whole number from 1 to 999, in hours or days")))
                .andExpect(content().string(containsString("value=\"two\"")))
                .andExpect(content().string(not(containsString("due_in"))));
        getJson("/api/v1/alert-rules/" + ruleId).andExpect(jsonPath("$.name").value("Detractors open a case"));

        mvc.perform(post("/settings/alerts/" + ruleId)
                        .param("name", "Unhappy customers")
                        .param("categories", "detractor", "passive")
                        .param("emails", "support@shop.example")
                        .param("createCase", "true")
                        .param("dueAmount", "2")
                        .param("dueUnit", "days")
                        .param("active", "true")
                        .with(admin)
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/alerts"));
        getJson("/api/v1/alert-rules/" + ruleId)
                .andExpect(jsonPath("$.name").value("Unhappy customers"))
                .andExpect(jsonPath("$.when.category.length()").value(2))
                .andExpect(jsonPath("$.notify[0].email").value("support@shop.example"))
                .andExpect(jsonPath("$.due_in").value("PT48H"));
    }

    @Test
    void theFormKeepsConditionsAndWebhooksSetThroughTheApi() throws Exception {
        String id = JsonPath.read(
                postJson(
                                "/api/v1/alert-rules",
                                json(
                                        "{'name':'Low scores','when':{'score_max':2},'notify':[{'webhook':'https://hooks.shop.example/x'}]}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(post("/settings/alerts/" + id)
                        .param("name", "Very low scores")
                        .param("emails", "")
                        .param("dueAmount", "24")
                        .param("dueUnit", "hours")
                        .param("active", "true")
                        .with(admin)
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/alerts"));
        getJson("/api/v1/alert-rules/" + id)
                .andExpect(jsonPath("$.name").value("Very low scores"))
                .andExpect(jsonPath("$.when.score_max").value(2))
                .andExpect(jsonPath("$.notify[0].webhook").value("https://hooks.shop.example/x"));
    }

    @Test
    void newRulesAndTheDigestAreSetInTheApp() throws Exception {
        mvc.perform(post("/settings/alerts")
                        .param("name", "Promoters to marketing")
                        .param("categories", "promoter")
                        .param("emails", "marketing@shop.example")
                        .param("dueAmount", "24")
                        .param("dueUnit", "hours")
                        .param("active", "true")
                        .with(admin)
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/alerts"));
        getJson("/api/v1/alert-rules").andExpect(jsonPath("$.items.length()").value(2));

        mvc.perform(post("/settings/digest")
                        .param("enabled", "true")
                        .param("recipients", "lead@shop.example")
                        .param("sendHour", "25")
                        .with(admin)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Send hour must be a whole hour from 0 to 23.")))
                .andExpect(content().string(containsString("lead@shop.example")));
        getJson("/api/v1/digest").andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(post("/settings/digest")
                        .param("enabled", "true")
                        .param("recipients", "lead@shop.example\nceo@shop.example")
                        .param("sendHour", "7")
                        .with(admin)
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/alerts#digest"));
        getJson("/api/v1/digest")
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.send_hour").value(7))
                .andExpect(jsonPath("$.recipients.length()").value(2));
    }

    @Test
    void agentsCannotOpenTheRules() throws Exception {
        String email = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        users.createUser(email, "correct horse battery", workspace.workspace().id(), UserService.AGENT);
        mvc.perform(get("/settings/alerts").with(user(users.loadUserByUsername(email))))
                .andExpect(status().isForbidden());
    }
}
