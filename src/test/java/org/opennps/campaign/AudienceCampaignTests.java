package org.opennps.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.analytics.AnalyticsService;
import org.opennps.analytics.RespondentQuery;
import org.opennps.shared.PageResult;
import org.opennps.support.ApiTestBase;
import org.opennps.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "We listened" campaigns: the audience comes from past responses; the message goes once to
 * exactly the matching people, and the re-survey at their next milestone respects the recontact
 * window. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class AudienceCampaignTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant ANSWERED = Instant.parse("2026-03-02T10:00:00Z");

    /** Everyone is asked for the area, promoters too. */
    static final String AREA_SURVEY = json("{'name':'NPS with area','questions':["
            + "{'id':'nps','type':'nps','text':'How likely are you to recommend us to a friend?'},"
            + "{'id':'area','type':'single_choice','text':'Which area most influenced your score?',"
            + "'options':['Product','Pricing','Support','Delivery','Ease of use','Other']}],'thank_you':'Thank you!'}");

    @Autowired
    CampaignService campaigns;

    @Autowired
    AnalyticsService analytics;

    @Autowired
    TestMailServer smtp;

    @Autowired
    AudienceEnrolment enrolment;

    @Autowired
    com.github.kagkarlsson.scheduler.SchedulerClient schedulerClient;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("schedulerLifecycle")
    org.springframework.context.SmartLifecycle appScheduler;

    @Test
    void activationReturnsAtOnceAndAnEnrolmentCutOffHalfWayResumesWithoutEnrollingTwice() throws Exception {
        clock.set(ANSWERED.plus(Duration.ofDays(1)));
        String id = JsonPath.read(
                postJson("/api/v1/campaigns", campaign("draft"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        UUID campaign = UUID.fromString(id);
        appScheduler.stop();
        try {
            // the request only records the enrolment and schedules it
            postJson("/api/v1/campaigns/" + id + "/activate", "")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.enrolment.status").value("running"))
                    .andExpect(jsonPath("$.enrolment.enrolled").value(0));
            assertThat(journeys(campaign).total()).isZero();

            // a node enrolls the first batch and dies
            assertThat(enrolment.run(campaign, 1, schedulerClient, done -> false))
                    .isEqualTo(1);
            getJson("/api/v1/campaigns/" + id)
                    .andExpect(jsonPath("$.enrolment.status").value("running"))
                    .andExpect(jsonPath("$.enrolment.matched").value(2))
                    .andExpect(jsonPath("$.enrolment.enrolled").value(1));

            // the revived task continues after the last contact done
            assertThat(enrolment.run(campaign, 1, schedulerClient, done -> true))
                    .isEqualTo(1);
            assertThat(enrolment.run(campaign, 1, schedulerClient, done -> true))
                    .isZero();
            getJson("/api/v1/campaigns/" + id)
                    .andExpect(jsonPath("$.enrolment.status").value("done"))
                    .andExpect(jsonPath("$.enrolment.enrolled").value(2))
                    .andExpect(jsonPath("$.enrolment.finished_at").exists());
            assertThat(journeys(campaign).items())
                    .extracting(Journey::contactId)
                    .containsExactlyInAnyOrder(contactId("pricing1"), contactId("pricing2"));
        } finally {
            appScheduler.start();
        }
        await().atMost(WAIT).until(() -> completed(campaign, CampaignDefinition.AUDIENCE) == 2);
        awaitEmail("pricing1");
        awaitEmail("pricing2");
        assertThat(journeys(campaign).total()).isEqualTo(2);
    }

    private String tag;
    private String surveyId;
    private String resurveyId;

    @BeforeEach
    void answersFromPassivesAndPromoters() throws Exception {
        clock.set(ANSWERED);
        tag = UUID.randomUUID().toString().substring(0, 8);
        patchJson("/api/v1/workspace", json("{'settings':{'recontact_after_response':'P30D'}}"))
                .andExpect(status().isOk());
        surveyId = JsonPath.read(
                postJson("/api/v1/surveys", AREA_SURVEY)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        resurveyId = JsonPath.read(
                postJson("/api/v1/surveys", CampaignApiTests.PASSIVES_SURVEY.replace("Post-purchase", "Follow-up"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        respond("pricing1", 7, "Pricing");
        respond("pricing2", 8, "Pricing");
        respond("delivery", 8, "Delivery");
        respond("promoter", 10, "Pricing");
        await().atMost(WAIT)
                .until(() -> analytics
                                .respondents(ws(), new RespondentQuery(null, Set.of(), Set.of(), null, null, null))
                                .size()
                        == 4);
    }

    @Test
    void theMessageGoesOnceToThePricingPassivesAndTheResurveyRespectsTheRecontactWindow() throws Exception {
        clock.set(ANSWERED.plus(Duration.ofDays(1)));
        String id = JsonPath.read(
                postJson("/api/v1/campaigns", campaign("draft"))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.audience.categories[0]").value("passive"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        UUID campaign = UUID.fromString(id);
        assertThat(journeys(campaign).total()).isZero();

        postJson("/api/v1/campaigns/" + id + "/activate", "").andExpect(status().isOk());
        await().atMost(WAIT).until(() -> completed(campaign, CampaignDefinition.AUDIENCE) == 2);
        MimeMessage message = awaitEmail("pricing1");
        assertThat(message.getSubject()).isEqualTo("You asked, we changed our prices");
        awaitEmail("pricing2");

        // activating again (and again from a paused state) enrolls nobody twice
        postJson("/api/v1/campaigns/" + id + "/activate", "").andExpect(status().isOk());
        postJson("/api/v1/campaigns/" + id + "/pause", "").andExpect(status().isOk());
        campaigns.setStatus(ws(), campaign, CampaignStatus.ACTIVE);
        background.settle();
        assertThat(smtp.to(mail("pricing1"))).hasSize(1);
        assertThat(smtp.to(mail("pricing2"))).hasSize(1);
        assertThat(smtp.to(mail("delivery"))).isEmpty();
        assertThat(smtp.to(mail("promoter"))).isEmpty();
        assertThat(journeys(campaign).total()).isEqualTo(2);
        assertThat(journeys(campaign).items())
                .extracting(Journey::contactId)
                .containsExactlyInAnyOrder(contactId("pricing1"), contactId("pricing2"));

        // a milestone 3 days after the answer: inside the 30-day recontact window, suppressed
        clock.set(ANSWERED.plus(Duration.ofDays(3)));
        milestone("pricing1");
        await().atMost(WAIT)
                .until(() -> journeys(campaign).items().stream()
                        .anyMatch(j -> CampaignDefinition.RESURVEY.equals(j.triggerEventId())
                                && j.status() == JourneyStatus.STOPPED
                                && "suppressed: recontact_after_response".equals(j.outcome())));

        // 40 days after: pricing2 gets the survey; people who were not enrolled get nothing
        clock.set(ANSWERED.plus(Duration.ofDays(40)));
        milestone("pricing2");
        milestone("delivery");
        milestone("pricing1"); // its one re-survey was taken already
        await().atMost(WAIT).until(() -> smtp.to(mail("pricing2")).size() == 2);
        assertThat(smtp.to(mail("pricing2")).get(1).getSubject()).isEqualTo("Has anything changed for you?");
        background.settle();
        assertThat(smtp.to(mail("pricing1"))).hasSize(1);
        assertThat(smtp.to(mail("delivery"))).isEmpty();
        assertThat(completed(campaign, CampaignDefinition.RESURVEY)).isEqualTo(1);
        assertThat(journeys(campaign).total()).isEqualTo(4);
    }

    @Test
    void triggerAndAudienceAreMutuallyExclusiveAndTheAudienceIsValidated() throws Exception {
        String both = campaign("draft")
                .replace("\"audience\":", "\"trigger\":{\"event_type\":\"order.placed\"},\"audience\":");
        postJson("/api/v1/campaigns", both)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("audience"));
        postJson("/api/v1/campaigns", campaign("draft").replace("\"passive\"", "\"lukewarm\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("audience.categories"));
        postJson("/api/v1/campaigns", campaign("draft").replace("\"Pricing\"", "\"Weather\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("audience.areas"));
        String resurveyOnTrigger = json("{'name':'x','trigger':{'event_type':'order.placed'},"
                + "'steps':[{'type':'action','action':'message','subject':'s','body':'b'}],"
                + "'resurvey':{'on_event':'onboarding.completed','survey_id':'" + resurveyId + "'}}");
        postJson("/api/v1/campaigns", resurveyOnTrigger)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("resurvey"));
        postJson(
                        "/api/v1/campaigns",
                        json("{'name':'x','steps':[{'type':'action','action':'message',"
                                + "'subject':'s','body':'b'}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("trigger"));
    }

    private String campaign(String status) {
        return json("{'name':'We changed pricing','status':'" + status + "',"
                + "'audience':{'categories':['passive'],'areas':['Pricing'],'themes':[],"
                + "'since':'2026-01-01T00:00:00Z','until':'2026-06-01T00:00:00Z','survey_id':null},"
                + "'steps':[{'type':'action','action':'message','subject':'You asked, we changed our prices',"
                + "'body':'Our prices are lower from today.'}],"
                + "'resurvey':{'on_event':'onboarding.completed','survey_id':'" + resurveyId + "',"
                + "'subject':'Has anything changed for you?'}}");
    }

    private void respond(String who, int score, String area) throws Exception {
        postJson(
                        "/api/v1/responses",
                        json("{'survey_id':'" + surveyId + "','contact':{'external_id':'" + who + "-" + tag
                                + "','email':'" + mail(who) + "'},'score':" + score + ",'answers':{'area':'" + area
                                + "'},'channel':'api'}"))
                .andExpect(status().isCreated());
    }

    private void milestone(String who) throws Exception {
        postJson(
                        "/api/v1/events",
                        json("{'type':'onboarding.completed','contact':{'external_id':'" + who + "-" + tag + "'}}"))
                .andExpect(status().isAccepted());
    }

    private UUID contactId(String who) {
        try {
            String body = getJson("/api/v1/contacts?external_id=" + who + "-" + tag)
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return UUID.fromString(JsonPath.read(body, "$.items[0].id"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long completed(UUID campaign, String kind) {
        return journeys(campaign).items().stream()
                .filter(j -> kind.equals(j.triggerEventId()) && j.status() == JourneyStatus.COMPLETED)
                .count();
    }

    private PageResult<Journey> journeys(UUID campaign) {
        return campaigns.journeys(ws(), campaign, null, PageResult.Request.of(1, 100));
    }

    private MimeMessage awaitEmail(String who) {
        await().atMost(WAIT).until(() -> !smtp.to(mail(who)).isEmpty());
        return smtp.to(mail(who)).getFirst();
    }

    private String mail(String who) {
        return who + "-" + tag + "@example.com";
    }

    private UUID ws() {
        return workspace.workspace().id();
    }
}
