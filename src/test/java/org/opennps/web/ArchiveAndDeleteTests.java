package org.opennps.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.invitation.Channel;
import org.opennps.invitation.InvitationService;
import org.opennps.invitation.IssueInvitation;
import org.opennps.response.ResponseService;
import org.opennps.response.Submission;
import org.opennps.workspace.UserService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Archiving keeps a survey's or campaign's numbers and hides it from lists; deleting one that
 * holds data asks first, names what goes, and then takes its responses, cases and analytics.
 */
abstract class ArchiveAndDeleteTests extends AdminPageTestBase {

    @Autowired
    InvitationService invitations;

    @Autowired
    ResponseService responses;

    /** A response to an invitation of the campaign: it counts for the campaign. */
    void respondThroughCampaign(String survey, String campaign, int score) {
        UUID ws = workspace.workspace().id();
        var invitation = invitations.issue(new IssueInvitation(
                ws, UUID.fromString(survey), null, Channel.EMAIL, UUID.fromString(campaign), null, Map.of()));
        responses.respond(invitation, "en", new Submission(score, true, Map.of(), true));
    }

    @Test
    void archivedSurveyLeavesTheListsButKeepsItsNumbersAndFilters() throws Exception {
        String survey = createSurvey();
        respond(survey, "c-1", 9, "");
        awaitCounted(1);
        postJson("/api/v1/surveys/" + survey + "/archive", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.archived_at").isNotEmpty());

        getJson("/api/v1/surveys?archived=false")
                .andExpect(jsonPath("$.items.length()").value(0));
        getJson("/api/v1/surveys?archived=true")
                .andExpect(jsonPath("$.items[0].id").value(survey));
        getJson("/api/v1/surveys").andExpect(jsonPath("$.items.length()").value(1));
        getJson("/api/v1/analytics/nps?survey_id=" + survey)
                .andExpect(jsonPath("$.responses").value(1));
        mvc.perform(get("/surveys").with(signedIn()))
                .andExpect(content().string(not(containsString("/surveys/" + survey + "\""))))
                .andExpect(content().string(containsString("Show archived surveys (1)")));
        mvc.perform(get("/surveys").param("archived", "true").with(signedIn()))
                .andExpect(content().string(containsString("/surveys/" + survey + "\"")))
                .andExpect(content().string(containsString(">archived<")));
        mvc.perform(get("/").param("survey", survey).with(signedIn()))
                .andExpect(content().string(containsString("Checkout NPS (archived)")));
        mvc.perform(get("/responses").with(signedIn()))
                .andExpect(content().string(containsString("Checkout NPS (archived)")));

        mvc.perform(post("/surveys/" + survey + "/unarchive").with(signedIn()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        getJson("/api/v1/surveys?archived=false")
                .andExpect(jsonPath("$.items[0].id").value(survey));
    }

    @Test
    void deletingASurveyWithResponsesAsksFirstThenTakesResponsesCasesAndNumbers() throws Exception {
        String survey = createSurvey();
        postJson(
                        "/api/v1/alert-rules",
                        json("{'name':'Detractors','when':{'category':['detractor']},'notify':[],'create_case':true}"))
                .andExpect(status().isCreated());
        respond(survey, "c-1", 2, "'why':'Late parcel'");
        respond(survey, "c-2", 10, "");
        awaitCounted(2);
        background.settle();
        getJson("/api/v1/cases").andExpect(jsonPath("$.items.length()").value(1));

        deleteJson("/api/v1/surveys/" + survey)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("2 responses")));
        getJson("/api/v1/surveys/" + survey + "/deletion")
                .andExpect(jsonPath("$.removes.responses").value(2))
                .andExpect(jsonPath("$.needs_confirmation").value(true));
        mvc.perform(get("/surveys/" + survey + "/delete").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>2</strong> <span>responses</span>")))
                .andExpect(content().string(containsString("Archive the survey instead")));
        mvc.perform(post("/surveys/" + survey + "/delete").with(signedIn()).with(csrf()))
                .andExpect(status().isConflict());
        getJson("/api/v1/surveys/" + survey).andExpect(status().isOk());

        mvc.perform(post("/surveys/" + survey + "/delete")
                        .param("confirm", "true")
                        .with(signedIn())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        getJson("/api/v1/surveys/" + survey).andExpect(status().isNotFound());
        getJson("/api/v1/responses").andExpect(jsonPath("$.items.length()").value(0));
        getJson("/api/v1/cases").andExpect(jsonPath("$.items.length()").value(0));
        getJson("/api/v1/analytics/nps").andExpect(jsonPath("$.responses").value(0));
    }

    @Test
    void aViewerSeesWhatWouldGoButCannotArchiveOrDelete() throws Exception {
        String survey = createSurvey();
        String email = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        users.createUser(email, "correct horse battery", workspace.workspace().id(), UserService.VIEWER);
        var viewer = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername(email));
        mvc.perform(get("/surveys/" + survey).with(viewer))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Archive survey"))));
        mvc.perform(get("/surveys/" + survey + "/delete").with(viewer))
                .andExpect(content().string(containsString("Your role can read this but not delete it")))
                .andExpect(content().string(not(containsString("name=\"confirm\""))));
        mvc.perform(post("/surveys/" + survey + "/delete")
                        .param("confirm", "true")
                        .with(viewer)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/surveys/" + survey + "/archive").with(viewer).with(csrf()))
                .andExpect(status().isForbidden());
        getJson("/api/v1/surveys?archived=false")
                .andExpect(jsonPath("$.items[0].id").value(survey));
    }

    @Test
    void aSurveyThatACampaignSendsIsNotDeleted() throws Exception {
        String survey = createSurvey();
        createCampaign(survey, "draft");
        deleteJson("/api/v1/surveys/" + survey + "?confirm=true")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("After purchase")));
        mvc.perform(get("/surveys/" + survey + "/delete").with(signedIn()))
                .andExpect(content().string(containsString("It cannot be deleted now")))
                .andExpect(content().string(not(containsString("name=\"confirm\""))));
        String empty = createSurvey();
        deleteJson("/api/v1/surveys/" + empty).andExpect(status().isNoContent());
    }

    @Test
    void archivedCampaignStartsNothingAndDeletingItTakesItsJourneysInvitationsAndResponses() throws Exception {
        String survey = createSurvey();
        String campaign = createCampaign(survey, "active");
        postJson("/api/v1/events", json("{'id':'o-1','type':'order.placed','contact':{'external_id':'c-1'}}"))
                .andExpect(status().isAccepted());
        background.settle();
        respondThroughCampaign(survey, campaign, 3);
        awaitCounted(1);

        postJson("/api/v1/campaigns/" + campaign + "/archive", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("archived"));
        getJson("/api/v1/campaigns?archived=false")
                .andExpect(jsonPath("$.items.length()").value(0));
        getJson("/api/v1/campaigns?archived=true")
                .andExpect(jsonPath("$.items[0].id").value(campaign));
        postJson("/api/v1/events", json("{'id':'o-2','type':'order.placed','contact':{'external_id':'c-2'}}"))
                .andExpect(status().isAccepted());
        background.settle();
        getJson("/api/v1/campaigns/" + campaign + "/journeys")
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/campaigns").with(signedIn()))
                .andExpect(content().string(not(containsString("/campaigns/" + campaign + "\""))))
                .andExpect(content().string(containsString("Show archived campaigns (1)")));
        getJson("/api/v1/analytics/nps?campaign_id=" + campaign)
                .andExpect(jsonPath("$.responses").value(1));

        getJson("/api/v1/campaigns/" + campaign + "/deletion")
                .andExpect(jsonPath("$.removes.journeys").value(1))
                .andExpect(jsonPath("$.removes.invitations").value(1))
                .andExpect(jsonPath("$.removes.responses").value(1));
        mvc.perform(get("/campaigns/" + campaign + "/delete").with(signedIn()))
                .andExpect(content().string(containsString("<strong>1</strong> <span>journeys</span>")))
                .andExpect(content().string(not(containsString("Archive the campaign instead"))));
        deleteJson("/api/v1/campaigns/" + campaign).andExpect(status().isConflict());
        deleteJson("/api/v1/campaigns/" + campaign + "?confirm=true").andExpect(status().isNoContent());
        getJson("/api/v1/campaigns/" + campaign).andExpect(status().isNotFound());
        getJson("/api/v1/responses").andExpect(jsonPath("$.items.length()").value(0));
        getJson("/api/v1/invitations").andExpect(jsonPath("$.items.length()").value(0));
        getJson("/api/v1/analytics/nps").andExpect(jsonPath("$.responses").value(0));
        deleteJson("/api/v1/surveys/" + survey).andExpect(status().isNoContent());
        assertThat(background.pendingNow()).isNull();
    }
}
