package org.opennps.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.workspace.SignedInUser;
import org.opennps.workspace.UserService;
import org.opennps.workspace.WorkspaceService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Survey list, editor, preview and the response inbox; run on H2 and PostgreSQL. */
abstract class SurveyAndInboxPagesTests extends ApiTestBase {

    @Autowired
    UserService users;

    @Autowired
    WorkspaceService workspaces;

    SignedInUser admin;

    @BeforeEach
    void admin() {
        String email = "editor-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        users.createUser(email, "correct horse battery", workspace.workspace().id(), UserService.ADMIN);
        admin = users.loadUserByUsername(email);
    }

    RequestPostProcessor signedIn() {
        return user(admin);
    }

    String newSurveyFromTemplate() throws Exception {
        String location = mvc.perform(post("/surveys/new")
                        .param("template", "post_purchase_nps")
                        .with(signedIn())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/surveys/");
        return location.substring("/surveys/".length());
    }

    /** The editor form as the browser would post it for the survey's current state. */
    MockHttpServletRequestBuilder form(String id, String name, String thirdQuestionMin) {
        return formAt("/surveys/" + id, name, thirdQuestionMin);
    }

    MockHttpServletRequestBuilder formAt(String path, String name, String thirdQuestionMin) {
        return post(path)
                .with(signedIn())
                .with(csrf())
                .param("name", name)
                .param("locales", "")
                .param("thank_you.", "Thanks!")
                .param("count", "3")
                .param("q0.id", "nps")
                .param("q0.type", "nps")
                .param("q0.text.", "How likely?")
                .param("q1.id", "area")
                .param("q1.type", "single_choice")
                .param("q1.text.", "Which area?")
                .param("q1.options", "Delivery\nPrice")
                .param("q1.show_category", "passive", "detractor")
                .param("q2.id", "why")
                .param("q2.type", "text")
                .param("q2.text.", "Why?")
                .param("q2.show_min", thirdQuestionMin);
    }

    @Test
    void surveyIsCreatedFromATemplateAndListedWithItsQuestionCount() throws Exception {
        mvc.perform(get("/surveys").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No surveys yet")))
                .andExpect(content().string(containsString("Use this template")));
        String id = newSurveyFromTemplate();
        mvc.perform(get("/surveys").with(signedIn()))
                .andExpect(content().string(containsString("Post-purchase NPS")))
                .andExpect(content().string(containsString("<td>7</td>")));
        mvc.perform(get("/surveys/" + id).with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("What could we do to earn a 9 or 10 from you?")))
                .andExpect(content().string(containsString("/surveys/" + id + "/preview")));
    }

    @Test
    void editorSavesQuestionsWithShowIfRules() throws Exception {
        String id = newSurveyFromTemplate();
        mvc.perform(form(id, "Short survey", "3")).andExpect(status().is3xxRedirection());
        getJson("/api/v1/surveys/" + id)
                .andExpect(content().string(containsString("\"name\":\"Short survey\"")))
                .andExpect(content().string(containsString("\"category\":[\"passive\",\"detractor\"]")))
                .andExpect(content().string(containsString("\"score_min\":3")))
                .andExpect(content().string(not(containsString("earn9"))));
    }

    @Test
    void brokenRulesAreShownNextToTheirQuestionAndNothingIsSaved() throws Exception {
        String id = newSurveyFromTemplate();
        mvc.perform(form(id, "Broken", "11"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("show_if.score_min: must be a whole number from 0 to 10")))
                .andExpect(content().string(containsString("value=\"Broken\"")));
        getJson("/api/v1/surveys/" + id).andExpect(content().string(containsString("Post-purchase NPS")));
    }

    @Test
    void addingMovingAndRemovingQuestionsChangesOnlyTheForm() throws Exception {
        String id = newSurveyFromTemplate();
        mvc.perform(form(id, "Draft", "").param("action", "add"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"count\" value=\"4\"")))
                .andExpect(content().string(containsString("value=\"q4\"")));
        String moved = mvc.perform(form(id, "Draft", "").param("action", "up:2"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(moved.indexOf("value=\"why\"")).isLessThan(moved.indexOf("value=\"area\""));
        mvc.perform(form(id, "Draft", "").param("action", "remove:1"))
                .andExpect(content().string(containsString("name=\"count\" value=\"2\"")))
                .andExpect(content().string(not(containsString("value=\"area\""))));
        getJson("/api/v1/surveys/" + id).andExpect(content().string(containsString("Post-purchase NPS")));
    }

    @Test
    void previewShowsTheFollowUpsOfTheChosenScore() throws Exception {
        String id = newSurveyFromTemplate();
        String page = mvc.perform(
                        get("/surveys/" + id + "/preview").param("score", "7").with(signedIn()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Preview: answers are not saved.");
        assertThat(page).containsPattern("id=\"q-earn9\"(?![^>]*hidden)");
        assertThat(page).containsPattern("id=\"q-loved\"[^>]*hidden");
    }

    @Test
    void unsavedChangesArePreviewedWithoutBeingSaved() throws Exception {
        String id = newSurveyFromTemplate();
        String draft = "/surveys/" + id + "/preview-draft";
        mvc.perform(formAt(draft, "Unsaved <name>", "").param("title.", "Unsaved <title>"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Unsaved &lt;title&gt;")))
                .andExpect(content().string(not(containsString("Unsaved &lt;name&gt;"))))
                .andExpect(content().string(containsString("Which area?")))
                .andExpect(content().string(containsString("Preview: answers are not saved.")));
        mvc.perform(formAt(draft, "Draft name", "12"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("cannot be previewed yet")))
                // numbered as the editor numbers its questions, from 1
                .andExpect(content().string(containsString("Question 3, show_if.score_min")))
                .andExpect(content().string(not(containsString("questions[2]"))));
        getJson("/api/v1/surveys/" + id).andExpect(content().string(containsString("Post-purchase NPS")));
    }

    @Test
    void surveyFormsNeedCsrfAndOtherWorkspacesSurveysAreNotFound() throws Exception {
        mvc.perform(post("/surveys/new").param("template", "post_purchase_nps").with(signedIn()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/surveys/" + UUID.randomUUID()).with(signedIn())).andExpect(status().isNotFound());
    }

    @Test
    void surveyAndResponseTextIsEscaped() throws Exception {
        String id = createSurvey(json("{'name':'<script>x()</script>','questions':["
                + "{'id':'nps','type':'nps','text':'<b>Likely?</b>'},"
                + "{'id':'why','type':'text','text':'Why?'}]}"));
        String response = respond(id, "esc-1", 3, "<img src=x onerror=alert(1)>");
        mvc.perform(get("/surveys").with(signedIn()))
                .andExpect(content().string(containsString("&lt;script&gt;x()&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>x()"))));
        mvc.perform(get("/surveys/" + id).with(signedIn()))
                .andExpect(content().string(not(containsString("<b>Likely?</b>"))));
        mvc.perform(get("/responses").with(signedIn()))
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")))
                .andExpect(content().string(not(containsString("<img src=x"))));
        mvc.perform(get("/responses/" + response).with(signedIn()))
                .andExpect(content().string(not(containsString("<img src=x"))));
    }

    @Test
    void inboxFiltersByCategoryChannelAndComment() throws Exception {
        String id = newSurveyFromTemplate();
        respond(id, "in-1", 2, null, "disappointed", "Parcel arrived broken");
        respond(id, "in-2", 10, null, "loved", "Quick and friendly");
        respond(id, "in-3", 8, null);
        mvc.perform(get("/responses").with(signedIn())).andExpect(content().string(containsString("3 responses")));
        mvc.perform(get("/responses").param("category", "detractor").with(signedIn()))
                .andExpect(content().string(containsString("Parcel arrived broken")))
                .andExpect(content().string(not(containsString("Quick and friendly"))));
        mvc.perform(get("/responses").param("comment", "yes").with(signedIn()))
                .andExpect(content().string(containsString("2 responses")));
        mvc.perform(get("/responses").param("comment", "no").with(signedIn()))
                .andExpect(content().string(containsString("1 responses")));
        mvc.perform(get("/responses").param("channel", "email").with(signedIn()))
                .andExpect(content().string(containsString("0 responses")))
                .andExpect(content().string(containsString("No responses match")));
        mvc.perform(get("/responses").param("period", "7d").param("survey", id).with(signedIn()))
                .andExpect(content().string(containsString("3 responses")));
    }

    @Test
    void anUnknownInboxFilterWordIsRefusedNamingTheParameterAndItsWords() throws Exception {
        String[][] filters = {
            {"category", "detractor, passive, promoter"},
            {"channel", "email, web, link, api, webhook"},
            {"period", "7d, 30d, 90d, 365d"},
            {"comment", "yes, no"},
            {"case", "open, in_progress, resolved"}
        };
        for (String[] filter : filters) {
            for (String page : new String[] {"/responses", "/responses/export.csv"}) {
                if (filter[0].equals("case") && page.endsWith(".csv")) {
                    continue; // the export lists responses, not cases
                }
                mvc.perform(get(page).param(filter[0], "<b>grumpy</b>").with(signedIn()))
                        .andExpect(status().isBadRequest())
                        .andExpect(content().string(containsString("<code>" + filter[0] + "</code>")))
                        .andExpect(content().string(containsString("&lt;b&gt;grumpy&lt;/b&gt;")))
                        .andExpect(content().string(containsString(filter[1])))
                        .andExpect(content().string(not(containsString("<b>grumpy"))));
            }
            // blank is the form's "All"
            mvc.perform(get("/responses").param(filter[0], "").with(signedIn())).andExpect(status().isOk());
        }
    }

    @Test
    void responseDetailShowsAnswersAndTheContactsTimeline() throws Exception {
        String id = newSurveyFromTemplate();
        postJson(
                        "/api/v1/events",
                        json("{'type':'order.placed','contact':{'external_id':'tl-1'},"
                                + "'properties':{'order_id':'A-77'}}"))
                .andExpect(status().is2xxSuccessful());
        String first = respond(id, "tl-1", 7, null, "earn9", "Cheaper shipping");
        String second = respond(id, "tl-1", 9, null);
        mvc.perform(get("/responses/" + first).with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Score 7")))
                .andExpect(content().string(containsString("Cheaper shipping")))
                .andExpect(content().string(containsString("order.placed")))
                .andExpect(content().string(containsString("A-77")))
                .andExpect(content().string(containsString("/responses/" + second)))
                .andExpect(content().string(containsString("No case yet")));
    }

    @Test
    void memberSwitchesToTheDemoWorkspaceAndDeletesIt() throws Exception {
        var demo = workspaces
                .create("demo-" + UUID.randomUUID().toString().substring(0, 8), "Demo <shop>", "UTC", true, null)
                .workspace();
        users.addMember(demo.id(), admin.id(), UserService.ADMIN);
        admin = users.loadUserByUsername(admin.email());
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/settings").with(signedIn()).session(session))
                .andExpect(content().string(containsString("Demo &lt;shop&gt;")))
                .andExpect(content().string(not(containsString("Delete demo workspace"))));
        mvc.perform(post("/workspace/switch")
                        .param("workspace_id", demo.id().toString())
                        .with(signedIn())
                        .with(csrf())
                        .session(session))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/settings").with(signedIn()).session(session))
                .andExpect(content().string(containsString("Delete demo workspace")));
        mvc.perform(post("/settings/delete-demo").with(signedIn()).session(session))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/delete-demo").with(signedIn()).with(csrf()).session(session))
                .andExpect(status().is3xxRedirection());
        assertThat(workspaces.find(demo.id())).isEmpty();
        mvc.perform(get("/settings").with(signedIn()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(workspace.workspace().name())));
    }

    @Test
    void onlyADemoWorkspaceCanBeDeletedFromSettings() throws Exception {
        mvc.perform(post("/settings/delete-demo").with(signedIn()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(workspaces.find(workspace.workspace().id())).isPresent();
    }

    /** Records a complete response through the API; answers as id/value pairs. */
    String respond(String surveyId, String contact, int score, String why, String... answers) throws Exception {
        StringBuilder body = new StringBuilder("{'survey_id':'" + surveyId + "','channel':'api','score':" + score
                + ",'contact':{'external_id':'" + contact + "'},'answers':{");
        for (int i = 0; i < answers.length; i += 2) {
            body.append(i > 0 ? "," : "")
                    .append("'")
                    .append(answers[i])
                    .append("':'")
                    .append(answers[i + 1])
                    .append("'");
        }
        if (why != null) {
            body.append(answers.length > 0 ? "," : "")
                    .append("'why':'")
                    .append(why)
                    .append("'");
        }
        body.append("}}");
        return JsonPath.read(
                postJson("/api/v1/responses", json(body.toString()))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    @Test
    void applyingLanguagesKeepsEveryTextAndMarksMissingTranslations() throws Exception {
        String id = newSurveyFromTemplate();
        String html = mvc.perform(form(id, "Internal name", "")
                        .param("shown_locales", "")
                        .with(r -> {
                            r.setParameter("locales", "en, pl");
                            return r;
                        })
                        .param("title.", "Your opinion")
                        .param("action", "languages"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("name=\"q0.text.en\"")
                .contains(">How likely?</textarea>")
                .contains(">Thanks!</textarea>")
                .contains("value=\"Your opinion\"")
                .contains("missing translation");
        mvc.perform(post("/surveys/" + id)
                        .with(signedIn())
                        .with(csrf())
                        .param("name", "Internal name")
                        .param("shown_locales", "en, pl")
                        .param("locales", "en, pl")
                        .param("title.en", "Your opinion")
                        .param("title.pl", "Twoja opinia")
                        .param("thank_you.en", "Thanks!")
                        .param("thank_you.pl", "")
                        .param("count", "1")
                        .param("q0.id", "nps")
                        .param("q0.type", "nps")
                        .param("q0.text.en", "How likely?")
                        .param("q0.text.pl", "Czy polecisz nas?")
                        .param("action", "save"))
                .andExpect(status().is3xxRedirection());
        String survey =
                getJson("/api/v1/surveys/" + id).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(survey, "$.questions[0].text.pl")).isEqualTo("Czy polecisz nas?");
        assertThat(JsonPath.<String>read(survey, "$.title.pl")).isEqualTo("Twoja opinia");
        assertThat(JsonPath.<String>read(survey, "$.thank_you.en")).isEqualTo("Thanks!");
        assertThat(JsonPath.<String>read(survey, "$.name")).isEqualTo("Internal name");
        String editor = mvc.perform(get("/surveys/" + id).with(signedIn()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(editor).contains("missing translation").contains(">Czy polecisz nas?</textarea>");
        String back = mvc.perform(post("/surveys/" + id)
                        .with(signedIn())
                        .with(csrf())
                        .param("name", "Internal name")
                        .param("shown_locales", "en, pl")
                        .param("locales", "pl")
                        .param("thank_you.en", "Thanks!")
                        .param("thank_you.pl", "")
                        .param("count", "1")
                        .param("q0.id", "nps")
                        .param("q0.type", "nps")
                        .param("q0.text.en", "How likely?")
                        .param("q0.text.pl", "Czy polecisz nas?")
                        .param("action", "languages"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(back).contains(">Czy polecisz nas?</textarea>").contains(">Thanks!</textarea>");
    }

    @Test
    void widgetDisplayRulesAreEditedInTheSurveyEditor() throws Exception {
        String id = newSurveyFromTemplate();
        mvc.perform(form(id, "With display", "")
                        .param("display.triggers", "exit_intent")
                        .param("display.other_triggers", "event:order.placed")
                        .param("display.slots", "thank-you")
                        .param("display.url_contains", "/checkout")
                        .param("display.mode", "max")
                        .param("display.max", "3")
                        .param("display.sampling_percent", "50")
                        .param("action", "save"))
                .andExpect(status().is3xxRedirection());
        String survey =
                getJson("/api/v1/surveys/" + id).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<java.util.List<String>>read(survey, "$.display.triggers"))
                .containsExactly("exit_intent", "event:order.placed");
        assertThat(JsonPath.<java.util.List<String>>read(survey, "$.display.slots"))
                .containsExactly("thank-you");
        assertThat(JsonPath.<Integer>read(survey, "$.display.sampling_percent")).isEqualTo(50);
        assertThat(JsonPath.<Integer>read(survey, "$.display.max")).isEqualTo(3);
        mvc.perform(get("/surveys/" + id).with(signedIn()))
                .andExpect(content().string(containsString("value=\"event:order.placed\"")));
        mvc.perform(form(id, "With display", "")
                        .param("display.mode", "once")
                        .param("display.sampling_percent", "101")
                        .param("display.triggers", "page_view")
                        .param("action", "save"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(form(id, "Without display", "")
                        .param("display.mode", "once")
                        .param("action", "save"))
                .andExpect(status().is3xxRedirection());
        assertThat(JsonPath.<Object>read(
                        getJson("/api/v1/surveys/" + id)
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.display"))
                .isNull();
    }

    @Test
    void theInboxMarksAOneClickScoreNobodyConfirmed() throws Exception {
        String id = newSurveyFromTemplate();
        String url = JsonPath.read(
                postJson("/api/v1/invitations", json("{'survey_id':'" + id + "','contact':{'external_id':'scan-1'}}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.url");
        mvc.perform(get(url.substring(url.indexOf("/s/")) + "?score=9")).andExpect(status().isOk());
        mvc.perform(get("/responses").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("9 promoter")))
                .andExpect(content().string(containsString("unconfirmed")));
    }
}
