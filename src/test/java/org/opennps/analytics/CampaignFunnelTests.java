package org.opennps.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.invitation.Channel;
import org.opennps.invitation.InvitationService;
import org.opennps.invitation.IssueInvitation;
import org.opennps.shared.NotFoundException;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** Campaign funnels from invitations and comments, counted by hand; run on H2 and PostgreSQL. */
abstract class CampaignFunnelTests extends ApiTestBase {

    static final Instant T = Instant.parse("2026-11-10T10:00:00Z");

    @Autowired
    InvitationService invitations;

    @Autowired
    AnalyticsProjection projection;

    @Autowired
    AnalyticsService analytics;

    UUID ws;
    UUID survey;
    final UUID campaignA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    final UUID campaignB = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @BeforeEach
    void surveyAndInvitations() throws Exception {
        ws = workspace.workspace().id();
        survey = UUID.fromString(JsonPath.read(
                postJson(
                                "/api/v1/surveys",
                                json("{'name':'NPS','questions':["
                                        + "{'id':'nps','type':'nps','text':'Recommend us?'},"
                                        + "{'id':'why','type':'text','text':'Why?','required':false}]}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id"));
        clock.set(T);
        // campaign A: one left scheduled, one sent, one opened, two answered (one with a comment),
        // one failed, three suppressed for two reasons
        issue(campaignA);
        invitations.markSent(ws, issue(campaignA));
        opened(issue(campaignA));
        respond(opened(issue(campaignA)), "Delivery was late");
        UUID answeredFromEmail = issue(campaignA);
        invitations.markSent(ws, answeredFromEmail);
        respond(answeredFromEmail, null);
        invitations.markFailed(ws, issue(campaignA), "smtp 550");
        suppress(campaignA, "unsubscribed");
        suppress(campaignA, "unsubscribed");
        suppress(campaignA, "recontact_after_response");
        // campaign B, two days later: one sent
        clock.set(T.plus(Duration.ofDays(2)));
        invitations.markSent(ws, issue(campaignB));
    }

    @Test
    void stagesAreCumulativeAndSuppressedAreCountedByReason() throws Exception {
        getJson("/api/v1/analytics/campaign-funnel?campaign_id=" + campaignA)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.campaign_id").value(campaignA.toString()))
                .andExpect(jsonPath("$.scheduled").value(6))
                .andExpect(jsonPath("$.sent").value(4))
                .andExpect(jsonPath("$.opened").value(3))
                .andExpect(jsonPath("$.responded").value(2))
                .andExpect(jsonPath("$.commented").value(1))
                .andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.suppressed.unsubscribed").value(2))
                .andExpect(jsonPath("$.suppressed.recontact_after_response").value(1));
        assertThat(analytics.campaignFunnel(ws, campaignA, null, null))
                .isEqualTo(new CampaignFunnel(
                        campaignA, 6, 4, 3, 2, 1, 1, Map.of("unsubscribed", 2L, "recontact_after_response", 1L)));
    }

    @Test
    void withoutCampaignEveryCampaignWithInvitationsIsListed() throws Exception {
        getJson("/api/v1/analytics/campaign-funnel")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.campaigns.length()").value(2))
                .andExpect(jsonPath("$.campaigns[0].campaign_id").value(campaignA.toString()))
                .andExpect(jsonPath("$.campaigns[0].scheduled").value(6))
                .andExpect(jsonPath("$.campaigns[1].campaign_id").value(campaignB.toString()))
                .andExpect(jsonPath("$.campaigns[1].scheduled").value(1))
                .andExpect(jsonPath("$.campaigns[1].sent").value(1))
                .andExpect(jsonPath("$.campaigns[1].opened").value(0))
                .andExpect(jsonPath("$.campaigns[1].suppressed").isEmpty());
    }

    @Test
    void thePeriodSelectsInvitationsByTheirIssueTime() throws Exception {
        assertThat(analytics.campaignFunnels(ws, T.plus(Duration.ofDays(1)), null))
                .containsExactly(new CampaignFunnel(campaignB, 1, 1, 0, 0, 0, 0, Map.of()));
        getJson("/api/v1/analytics/campaign-funnel?campaign_id=" + campaignA + "&since=2026-11-11")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scheduled").value(0))
                .andExpect(jsonPath("$.commented").value(0));
        assertThat(analytics.campaignFunnels(ws, T.minusSeconds(1), T.plusSeconds(1)))
                .extracting(CampaignFunnel::campaignId)
                .containsExactly(campaignA);
    }

    @Test
    void anotherWorkspacesCampaignIsNotFound() throws Exception {
        UUID other = testWorkspaces.create().workspace().id();
        assertThat(analytics.campaignFunnels(other, null, null)).isEmpty();
        assertThatThrownBy(() -> analytics.campaignFunnel(other, campaignA, null, null))
                .isInstanceOf(NotFoundException.class);
        getJson("/api/v1/analytics/campaign-funnel?campaign_id=" + UUID.randomUUID())
                .andExpect(status().isNotFound());
        getJson("/api/v1/analytics/campaign-funnel?campaign_id=x")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("campaign_id"));
    }

    private UUID issue(UUID campaign) {
        return invitations
                .issue(new IssueInvitation(ws, survey, null, Channel.EMAIL, campaign, null, Map.of()))
                .id();
    }

    private void suppress(UUID campaign, String reason) {
        invitations.suppress(new IssueInvitation(ws, survey, null, Channel.EMAIL, campaign, null, Map.of()), reason);
    }

    private UUID opened(UUID invitation) {
        invitations.markSent(ws, invitation);
        invitations.markOpened(ws, invitation);
        return invitation;
    }

    /** The invitation is answered; analytics learns of the response (with its comment, if any). */
    private void respond(UUID invitation, String comment) {
        invitations.markResponded(ws, invitation);
        Instant now = clock.instant();
        Map<String, Object> answers = comment == null ? Map.of() : Map.of("why", comment);
        projection.record(new ResponseFact(
                ws,
                UUID.randomUUID(),
                survey,
                campaignA,
                invitation,
                null,
                "email",
                6,
                null,
                true,
                answers,
                Map.of(),
                Map.of(),
                "en",
                now,
                now,
                now,
                new Answers.Kinds(null, Set.of("why"))));
    }
}
