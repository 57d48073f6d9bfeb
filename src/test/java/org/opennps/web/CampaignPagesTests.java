package org.opennps.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.invitation.Channel;
import org.opennps.invitation.InvitationService;
import org.opennps.invitation.IssueInvitation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The campaign list and builder on H2 and PostgreSQL. */
abstract class CampaignPagesTests extends AdminPageTestBase {

    @Autowired
    InvitationService invitations;

    /** The after-purchase template's form as the browser posts it, with one field changed. */
    MockHttpServletRequestBuilder afterPurchase(String path, String surveyId, String delay) {
        return post(path)
                .with(signedIn())
                .with(csrf())
                .param("name", "After purchase")
                .param("survey_id", surveyId)
                .param("event_type", "order.placed")
                .param("where_count", "0")
                .param("exit_on", "order.cancelled")
                .param("sampling_percent", "100")
                .param("daily_cap", "")
                .param("step_count", "4")
                .param("s0.type", "delay")
                .param("s0.duration", delay)
                .param("s1.type", "wait_until")
                .param("s1.days", "MON", "TUE", "WED", "THU", "FRI")
                .param("s1.from", "09:00")
                .param("s1.to", "18:00")
                .param("s2.type", "filter")
                .param("s2.count", "2")
                .param("s2.c0.type", "event")
                .param("s2.c0.event_type", "order.picked_up")
                .param("s2.c0.within", "P2D")
                .param("s2.c0.match", "order_id={{trigger.order_id}}")
                .param("s2.c1.type", "consent")
                .param("s3.type", "action")
                .param("s3.action", "email")
                .param("s3.subject", "How did we do?");
    }

    @Test
    void builderStartsFromTheTemplateWithTheFirstSurvey() throws Exception {
        String survey = createSurvey();
        mvc.perform(get("/campaigns").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No campaigns yet")))
                .andExpect(content()
                        .string(containsString(
                                "Use this template<span class=\"visually-hidden\">: After purchase</span>")));
        mvc.perform(get("/campaigns/new").param("template", "after_purchase").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"order.placed\"")))
                .andExpect(content().string(containsString("value=\"P2D\"")))
                .andExpect(content().string(containsString("order_id={{trigger.order_id}}")))
                .andExpect(content().string(containsString("value=\"" + survey + "\" selected=\"selected\"")));
        mvc.perform(get("/campaigns/new").param("template", "nope").with(signedIn()))
                .andExpect(status().isNotFound());
    }

    @Test
    void savedCampaignIsADraftUntilActivatedAndListed() throws Exception {
        String survey = createSurvey();
        String location = mvc.perform(afterPurchase("/campaigns/new", survey, "P2D"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String id = location.substring("/campaigns/".length(), location.indexOf('?'));
        getJson("/api/v1/campaigns/" + id)
                .andExpect(jsonPath("$.status").value("draft"))
                .andExpect(jsonPath("$.steps[2].conditions[0].match.order_id").value("{{trigger.order_id}}"))
                .andExpect(jsonPath("$.steps[1].days.length()").value(5));
        mvc.perform(post("/campaigns/" + id + "/activate").with(signedIn()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        getJson("/api/v1/campaigns/" + id).andExpect(jsonPath("$.status").value("active"));
        mvc.perform(get("/campaigns").with(signedIn()))
                .andExpect(content().string(containsString(">active<")))
                .andExpect(content().string(containsString("Checkout NPS")));
        mvc.perform(get("/campaigns/" + id).with(signedIn()))
                .andExpect(content().string(containsString("Pause")))
                .andExpect(content().string(containsString("Nobody is waiting")));
    }

    @Test
    void aPrecisionAskedForOnTheFormIsKeptAndItsShareShown() throws Exception {
        String survey = createSurvey();
        String location = mvc.perform(afterPurchase("/campaigns/new", survey, "P2D")
                        .param("precision.points", "5")
                        .param("precision.per", "attribute:city"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String id = location.substring("/campaigns/".length(), location.indexOf('?'));
        getJson("/api/v1/campaigns/" + id)
                .andExpect(jsonPath("$.precision.points").value(5.0))
                .andExpect(jsonPath("$.precision.per").value("attribute:city"));
        // no answers yet: everyone is asked until there are
        mvc.perform(get("/campaigns/" + id).with(signedIn()))
                .andExpect(content().string(containsString("value=\"attribute:city\"")))
                .andExpect(content().string(containsString("Samples 100 % of people now")))
                .andExpect(content().string(containsString("no answers to plan from yet")));
        mvc.perform(afterPurchase("/campaigns/new", survey, "P2D").param("precision.points", "many"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("must be a number of NPS points from 1 to 50")));
    }

    @Test
    void listShowsEachCampaignsFunnel() throws Exception {
        String survey = createSurvey();
        UUID id = UUID.fromString(created(survey));
        UUID ws = workspace.workspace().id();
        var invite = new IssueInvitation(ws, UUID.fromString(survey), null, Channel.EMAIL, id, null, Map.of());
        invitations.markSent(ws, invitations.issue(invite).id());
        invitations.issue(invite);
        invitations.suppress(invite, "unsubscribed");
        String page = mvc.perform(get("/campaigns").with(signedIn()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String row = page.substring(page.indexOf("/campaigns/" + id));
        assertThat(row.substring(0, row.indexOf("</tr>")))
                .contains("<td>0 / 0 / 0</td>")
                .contains("<td>2</td>\n        <td>1</td>\n        <td>0</td>\n        <td>0</td>\n        <td>0</td>")
                .contains("(unsubscribed 1)");
    }

    @Test
    void brokenFieldsAreShownNextToThemAndNothingIsSaved() throws Exception {
        String survey = createSurvey();
        String page = mvc.perform(afterPurchase("/campaigns/new", survey, "2 days"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("steps[0].duration");
        assertThat(page).contains("must be an ISO-8601 duration such as P2D or PT3S</span>");
        assertThat(page).contains("value=\"2 days\"");
        getJson("/api/v1/campaigns").andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void builderActionsChangeOnlyTheForm() throws Exception {
        String survey = createSurvey();
        String added = mvc.perform(
                        afterPurchase("/campaigns/new", survey, "P2D").param("action", "add-step:delay"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(added).contains("name=\"step_count\" value=\"5\"");
        assertThat(added.indexOf("name=\"s3.type\" value=\"delay\"")).isPositive();
        mvc.perform(afterPurchase("/campaigns/new", survey, "P2D").param("action", "remove-condition:2:0"))
                .andExpect(content().string(containsString("name=\"s2.count\" value=\"1\"")))
                .andExpect(content().string(not(containsString("order.picked_up"))));
        getJson("/api/v1/campaigns").andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void previewTellsWhatASampleEventWouldDo() throws Exception {
        String survey = createSurvey();
        postJson("/api/v1/contacts", json("{'external_id':'c-9','email':'ann@shop.example'}"));
        String id = created(survey);
        mvc.perform(post("/campaigns/" + id + "/preview")
                        .header("HX-Request", "true")
                        .with(signedIn())
                        .with(csrf())
                        .param("event_type", "order.placed")
                        .param("contact", "c-9")
                        .param("properties", "order_id=o-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"preview-result\"")))
                .andExpect(content().string(containsString("stopped by filter at step 3")))
                .andExpect(content().string(containsString("Step 2: send window")))
                .andExpect(content().string(containsString("Step 3: filter")))
                .andExpect(content().string(containsString("(Europe/Warsaw)")))
                .andExpect(content().string(not(containsString("Z</span>"))))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(post("/campaigns/" + id + "/preview")
                        .with(signedIn())
                        .with(csrf())
                        .param("event_type", "order.placed")
                        .param("contact", "nobody"))
                .andExpect(content().string(containsString("No contact has the external id or e-mail")));
    }

    @Test
    void anotherWorkspacesCampaignIsNotFound() throws Exception {
        String id = created(createSurvey());
        mvc.perform(get("/campaigns/" + id).with(outsider())).andExpect(status().isNotFound());
        mvc.perform(post("/campaigns/" + id + "/activate").with(outsider()).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/campaigns/" + id + "/preview")
                        .with(outsider())
                        .with(csrf())
                        .param("contact", "c-1"))
                .andExpect(status().isNotFound());
        getJson("/api/v1/campaigns/" + id).andExpect(jsonPath("$.status").value("draft"));
    }

    @Test
    void aCampaignForPastRespondentsIsShownReadOnlyAndItsAudienceIsNeverOverwritten() throws Exception {
        String body = postJson("/api/v1/campaigns", """
                        {"name":"We changed pricing","audience":{"categories":["passive"],"areas":["Pricing"]},
                         "steps":[{"type":"action","action":"message","subject":"You asked","body":"We changed it."}]}
                        """)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");

        mvc.perform(get("/campaigns").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("past respondents (categories: passive; areas: Pricing)")));
        mvc.perform(get("/campaigns/" + id).with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Past respondents")))
                .andExpect(content().string(not(containsString("name=\"step_count\""))));
        mvc.perform(afterPurchase("/campaigns/" + id, createSurvey(), "P2D"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("changed through the API")));
        getJson("/api/v1/campaigns/" + id)
                .andExpect(jsonPath("$.audience.areas[0]").value("Pricing"))
                .andExpect(jsonPath("$.name").value("We changed pricing"));
    }

    @Test
    void listAndPageCountWaitingJourneysPerStep() throws Exception {
        String id = created(createSurvey());
        mvc.perform(post("/campaigns/" + id + "/activate").with(signedIn()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        postJson("/api/v1/events", """
                        {"events":[
                          {"type":"order.placed","contact":{"external_id":"w-1"},"properties":{"order_id":"o-1"}},
                          {"type":"order.placed","contact":{"external_id":"w-2"},"properties":{"order_id":"o-2"}},
                          {"type":"order.placed","contact":{"external_id":"w-3"},"properties":{"order_id":"o-3"}}]}
                        """).andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mvc.perform(get("/campaigns").with(signedIn()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()
                        .contains(">3 / 0 / 0<"));
        mvc.perform(get("/campaigns/" + id).with(signedIn()))
                .andExpect(content().string(containsString("3 journeys waiting here")))
                .andExpect(content().string(not(containsString("Nobody is waiting"))));
    }

    @Test
    void aCampaignAskedForAPrecisionShowsPerSegmentTheIntervalExpectedAndAchieved() throws Exception {
        String survey = createSurvey();
        // 12 answers from Warsaw this month: 8 promoters, 4 detractors
        for (int i = 0; i < 12; i++) {
            respond(survey, "city-" + i, i % 3 == 0 ? 3 : 10, "'why':'Fine'");
        }
        awaitCounted(12);
        clock.advance(Duration.ofMinutes(1)); // the plan's period ends now, exclusively
        String precise = JsonPath.read(
                postJson(
                                "/api/v1/campaigns",
                                json("{'name':'Precise','survey_id':'" + survey + "','trigger':{'event_type':"
                                        + "'order.placed'},'precision':{'points':30,'per':'attribute:city'},"
                                        + "'steps':[{'type':'action','action':'email'}]}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String month = java.time.YearMonth.from(
                        clock.instant().atZone(workspace.workspace().zone()))
                .format(java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", java.util.Locale.ENGLISH));
        mvc.perform(get("/campaigns/" + precise).with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Precision per city a month")))
                .andExpect(content().string(containsString("Asked for: ±30.0 NPS points per city a month")))
                .andExpect(content().string(containsString("planned from its survey")))
                // 4 answers a month cannot give ±30: everyone is asked, and the page says what it gives
                .andExpect(content().string(containsString("<strong id=\"sampling-share-percent\">100 %</strong>")))
                .andExpect(content().string(containsString("Out of reach: even when everyone is asked")))
                .andExpect(content().string(containsString("<th scope=\"row\">Warsaw</th>")))
                .andExpect(content().string(containsString("Expected at 100 % (before activation)")))
                .andExpect(content().string(containsString("Achieved " + month + " so far")))
                .andExpect(content().string(containsString("NPS 33.3, 12 answers")))
                .andExpect(content().string(containsString(">wider<")));

        String fixed = created(survey);
        mvc.perform(get("/campaigns/" + fixed).with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"sampling-plan\""))));
    }

    @Test
    void formsWithoutCsrfAreRefused() throws Exception {
        String id = created(createSurvey());
        mvc.perform(post("/campaigns/" + id + "/activate").with(signedIn())).andExpect(status().isForbidden());
        getJson("/api/v1/campaigns/" + id).andExpect(jsonPath("$.status").value("draft"));
    }

    String created(String survey) throws Exception {
        String location = mvc.perform(afterPurchase("/campaigns/new", survey, "P2D"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return location.substring("/campaigns/".length(), location.indexOf('?'));
    }
}
