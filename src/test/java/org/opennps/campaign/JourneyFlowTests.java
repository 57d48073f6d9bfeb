package org.opennps.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.event.IngestedEvent;
import org.opennps.scheduling.SchedulerFactory;
import org.opennps.scheduling.SchedulerProperties;
import org.opennps.shared.PageResult;
import org.opennps.support.ApiTestBase;
import org.opennps.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;

/**
 * Journeys end to end: events in through the API, steps on the durable scheduler, the
 * action's e-mail out through SMTP. The action is a plain {@code message} e-mail.
 */
abstract class JourneyFlowTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired
    CampaignService campaigns;

    @Autowired
    JourneyStarter starter;

    @Autowired
    JourneyRunner runner;

    @Autowired
    TestMailServer smtp;

    @Autowired
    DataSource dataSource;

    @Autowired
    Task<?> journeyStepTask;

    @Autowired
    @Qualifier("schedulerLifecycle")
    SmartLifecycle appScheduler;

    private String tag;
    String surveyId;

    @BeforeEach
    void mondayMorning() throws Exception {
        clock.set(MONDAY_MORNING);
        tag = UUID.randomUUID().toString().substring(0, 8);
        String body = postJson("/api/v1/surveys", CampaignApiTests.PASSIVES_SURVEY)
                .andReturn()
                .getResponse()
                .getContentAsString();
        surveyId = JsonPath.read(body, "$.id");
    }

    @Test
    void onlyTheCustomerWhoPickedUpTheOrderGetsTheEmailTwoDaysLater() throws Exception {
        UUID campaign = activeCampaign("Thanks for your order {{trigger.order_id}}");
        events("{'type':'order.placed','contact':" + who("a") + ",'properties':{'order_id':'o-1','value':20}},"
                + "{'type':'order.placed','contact':" + who("b") + ",'properties':{'order_id':'o-2','value':20}},"
                + "{'type':'order.picked_up','contact':" + who("a")
                + ",'properties':{'order_id':'o-1'},'occurred_at':'2026-11-23T12:00:00Z'}");
        awaitJourneys(campaign, "waiting", 2);
        assertThat(smtp.to(mail("a"))).isEmpty();

        clock.advance(Duration.ofDays(2).plusMinutes(1));
        awaitJourneys(campaign, "completed", 1);
        awaitJourneys(campaign, "stopped", 1);
        MimeMessage email = awaitEmail("a");
        assertThat(email.getSubject()).isEqualTo("Thanks for your order o-1");
        assertThat(smtp.to(mail("b"))).isEmpty();
    }

    @Test
    void cancellingTheOrderEndsTheWaitingJourney() throws Exception {
        UUID campaign = activeCampaign("Thanks");
        events("{'type':'order.placed','contact':" + who("a") + ",'properties':{'order_id':'o-1','value':20}},"
                + "{'type':'order.picked_up','contact':" + who("a")
                + ",'properties':{'order_id':'o-1'},'occurred_at':'2026-11-23T12:00:00Z'}");
        awaitJourneys(campaign, "waiting", 1);

        events("{'type':'order.cancelled','contact':" + who("a")
                + ",'properties':{'order_id':'o-1'},'occurred_at':'2026-11-23T12:00:00Z'}");
        awaitJourneys(campaign, "exited", 1);
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        background.settle();
        assertThat(smtp.to(mail("a"))).isEmpty();
    }

    @Test
    void theSameEventStartsOneJourney() {
        UUID campaign = activeCampaign("Thanks");
        UUID contact = contactId("a");
        var event = new IngestedEvent("evt-" + tag, "order.placed", contact, Map.of("value", 20), MONDAY_MORNING);
        starter.handle(workspace.workspace().id(), List.of(event));
        starter.handle(workspace.workspace().id(), List.of(event));

        assertThat(journeys(campaign, null).total()).isEqualTo(1);
    }

    @Test
    void editingAnActiveCampaignLeavesWaitingJourneysOnTheirVersion() throws Exception {
        UUID campaign = activeCampaign("Version one");
        events("{'type':'order.placed','contact':" + who("a") + ",'properties':{'order_id':'o-1','value':20}},"
                + "{'type':'order.picked_up','contact':" + who("a")
                + ",'properties':{'order_id':'o-1'},'occurred_at':'2026-11-23T12:00:00Z'}");
        awaitJourneys(campaign, "waiting", 1);

        campaigns.update(workspace.workspace().id(), campaign, command(campaignJson("Version two", "active")));
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(awaitEmail("a").getSubject()).isEqualTo("Version one");
    }

    @Test
    void aStepRunTwiceActsOnce() throws Exception {
        UUID campaign = activeCampaign("Once");
        events("{'type':'order.placed','contact':" + who("a") + ",'properties':{'order_id':'o-1','value':20}},"
                + "{'type':'order.picked_up','contact':" + who("a")
                + ",'properties':{'order_id':'o-1'},'occurred_at':'2026-11-23T12:00:00Z'}");
        awaitJourneys(campaign, "waiting", 1);
        UUID journey = journeys(campaign, "waiting").items().getFirst().id();
        clock.advance(Duration.ofDays(2).plusMinutes(1));

        // a crashed node's execution is retried while the first one also ran
        assertThat(List.of(runner.run(journey, 1), runner.run(journey, 1)))
                .containsExactlyInAnyOrder(JourneyRunner.Result.FINISHED, JourneyRunner.Result.ALREADY_DONE);
        awaitEmail("a");
        background.settle();
        assertThat(smtp.to(mail("a"))).hasSize(1);
    }

    @Test
    void twoNodesOnOneDatabaseSendEachEmailOnce() throws Exception {
        UUID campaign = activeCampaign("Hello");
        List<String> people = IntStream.range(0, 12).mapToObj(i -> "p" + i).toList();
        StringBuilder batch = new StringBuilder();
        for (String p : people) {
            batch.append(batch.isEmpty() ? "" : ",")
                    .append("{'type':'order.placed','contact':" + who(p) + ",'properties':{'order_id':'o-" + p
                            + "','value':20}},{'type':'order.picked_up','contact':" + who(p)
                            + ",'properties':{'order_id':'o-" + p + "'},'occurred_at':'2026-11-23T12:00:00Z'}");
        }
        events(batch.toString());
        awaitJourneys(campaign, "waiting", people.size());
        Scheduler second = node("second-node");
        try {
            clock.advance(Duration.ofDays(2).plusMinutes(1));
            awaitJourneys(campaign, "completed", people.size());
            for (String p : people) {
                awaitEmail(p);
            }
            background.settle();
            assertThat(people).allSatisfy(p -> assertThat(smtp.to(mail(p))).hasSize(1));
        } finally {
            second.stop();
        }
    }

    @Test
    void aNodeStartedAfterTheFirstStoppedMidDelaySendsOnce() throws Exception {
        UUID campaign = activeCampaign("After restart");
        events("{'type':'order.placed','contact':" + who("a") + ",'properties':{'order_id':'o-1','value':20}},"
                + "{'type':'order.picked_up','contact':" + who("a")
                + ",'properties':{'order_id':'o-1'},'occurred_at':'2026-11-23T12:00:00Z'}");
        awaitJourneys(campaign, "waiting", 1);
        appScheduler.stop();
        try {
            clock.advance(Duration.ofDays(1));
            Scheduler restarted = node("restarted");
            try {
                clock.advance(Duration.ofDays(1).plusMinutes(1));
                awaitEmail("a");
                awaitJourneys(campaign, "completed", 1);
            } finally {
                restarted.stop();
            }
        } finally {
            appScheduler.start();
        }
        background.settle();
        assertThat(smtp.to(mail("a"))).hasSize(1);
    }

    @Test
    void pausedCampaignHoldsDueJourneysAndActivatingResumesThemOnce() throws Exception {
        UUID campaign = activeCampaign("Held then sent");
        List<String> people = List.of("a", "b", "c");
        StringBuilder batch = new StringBuilder();
        for (String p : people) {
            batch.append(batch.isEmpty() ? "" : ",").append(placedAndPickedUp(p));
        }
        events(batch.toString());
        awaitJourneys(campaign, "waiting", 3);
        postJson("/api/v1/campaigns/" + campaign + "/pause", "").andExpect(status().isOk());

        clock.advance(Duration.ofDays(2).plusMinutes(1));
        awaitJourneys(campaign, "held", 3);
        getJson("/api/v1/campaigns/" + campaign + "/journeys?status=held")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].status").value("held"))
                .andExpect(jsonPath("$.items[0].step_index").value(1))
                .andExpect(jsonPath("$.items[0].outcome").value("held: campaign is paused"));
        assertThat(people.stream().mapToInt(p -> smtp.to(mail(p)).size()).sum()).isZero();

        Scheduler second = node("second-node");
        try {
            // two activations racing (two nodes, or a double click): each journey resumes once
            campaigns.setStatus(workspace.workspace().id(), campaign, CampaignStatus.ACTIVE);
            campaigns.setStatus(workspace.workspace().id(), campaign, CampaignStatus.ACTIVE);
            awaitJourneys(campaign, "completed", 3);
            people.forEach(this::awaitEmail);
        } finally {
            second.stop();
        }
        // a second pause/activate cycle finds nothing held and sends nothing more
        postJson("/api/v1/campaigns/" + campaign + "/pause", "").andExpect(status().isOk());
        postJson("/api/v1/campaigns/" + campaign + "/activate", "").andExpect(status().isOk());
        clock.advance(Duration.ofDays(3));
        background.settle();
        assertThat(people).allSatisfy(p -> assertThat(smtp.to(mail(p))).hasSize(1));
        assertThat(journeys(campaign, "completed").items())
                .allSatisfy(j -> assertThat(j.resumes()).isEqualTo(1));
    }

    @Test
    void aJourneyHeldPastItsSendWindowWaitsForTheNextWindowOnResume() throws Exception {
        UUID campaign = activeCampaign("Within the window");
        events(placedAndPickedUp("a"));
        awaitJourneys(campaign, "waiting", 1);
        campaigns.setStatus(workspace.workspace().id(), campaign, CampaignStatus.PAUSED);

        clock.advance(Duration.ofDays(2).plusMinutes(1)); // Wednesday 10:01, window open: held
        awaitJourneys(campaign, "held", 1);
        clock.set(Instant.parse("2026-11-25T20:00:00Z")); // Wednesday 21:00 in Warsaw, window closed
        // picked up late, so the filter (picked up within two days) still passes on Thursday
        events("{'type':'order.picked_up','contact':" + who("a") + ",'properties':{'order_id':'o-a'}}");
        campaigns.setStatus(workspace.workspace().id(), campaign, CampaignStatus.ACTIVE);
        await().atMost(WAIT)
                .until(() -> journeys(campaign, "waiting").items().stream()
                        .anyMatch(j -> j.stepIndex() == 2
                                && Instant.parse("2026-11-26T08:00:00Z").equals(j.dueAt()))); // Thursday 09:00
        assertThat(smtp.to(mail("a"))).isEmpty();

        clock.set(Instant.parse("2026-11-26T08:01:00Z")); // Thursday, window open again
        assertThat(awaitEmail("a").getSubject()).isEqualTo("Within the window");
        awaitJourneys(campaign, "completed", 1);
    }

    @Test
    void anExecutionFromBeforeTheHoldDoesNothingAfterTheJourneyResumed() throws Exception {
        UUID campaign = activeCampaign("Once after resume");
        events(placedAndPickedUp("a"));
        awaitJourneys(campaign, "waiting", 1);
        UUID journey = journeys(campaign, "waiting").items().getFirst().id();
        campaigns.setStatus(workspace.workspace().id(), campaign, CampaignStatus.PAUSED);
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        awaitJourneys(campaign, "held", 1);

        appScheduler.stop();
        try {
            campaigns.setStatus(workspace.workspace().id(), campaign, CampaignStatus.ACTIVE);
            // the held execution, repeated by a node that crashed before finishing it
            assertThat(runner.run(journey, 1, 0)).isEqualTo(JourneyRunner.Result.ALREADY_DONE);
            assertThat(runner.run(journey, 1, 1)).isEqualTo(JourneyRunner.Result.FINISHED);
            assertThat(runner.run(journey, 1, 1)).isEqualTo(JourneyRunner.Result.ALREADY_DONE);
        } finally {
            appScheduler.start();
        }
        awaitEmail("a");
        background.settle();
        assertThat(smtp.to(mail("a"))).hasSize(1);
    }

    @Test
    void anExitEventEndsAHeldJourney() throws Exception {
        UUID campaign = activeCampaign("Never");
        events(placedAndPickedUp("a"));
        awaitJourneys(campaign, "waiting", 1);
        campaigns.setStatus(workspace.workspace().id(), campaign, CampaignStatus.PAUSED);
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        awaitJourneys(campaign, "held", 1);

        events("{'type':'order.cancelled','contact':" + who("a") + ",'properties':{'order_id':'o-a'}}");
        awaitJourneys(campaign, "exited", 1);
        campaigns.setStatus(workspace.workspace().id(), campaign, CampaignStatus.ACTIVE);
        background.settle();
        assertThat(smtp.to(mail("a"))).isEmpty();
    }

    private String placedAndPickedUp(String p) {
        return "{'type':'order.placed','contact':" + who(p) + ",'properties':{'order_id':'o-" + p
                + "','value':20}},{'type':'order.picked_up','contact':" + who(p)
                + ",'properties':{'order_id':'o-" + p + "'},'occurred_at':'2026-11-23T12:00:00Z'}";
    }

    private Scheduler node(String name) {
        SchedulerProperties properties = new SchedulerProperties(
                true, 4, Duration.ofMillis(200), Duration.ofSeconds(5), 6, Duration.ofSeconds(10));
        Scheduler scheduler = SchedulerFactory.build(
                dataSource, clock, List.of(journeyStepTask), properties, SchedulerFactory.TABLE, name + "-" + tag);
        scheduler.start();
        return scheduler;
    }

    private UUID activeCampaign(String subject) {
        return UUID.fromString(campaigns
                .create(workspace.workspace().id(), command(campaignJson(subject, "active")))
                .id()
                .toString());
    }

    private String campaignJson(String subject, String status) {
        return CampaignApiTests.afterPurchase(
                surveyId,
                status,
                "{'type':'action','action':'message','subject':'" + subject + "','body':'We changed X for you.'}");
    }

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    private SaveCampaign command(String text) {
        return json.readValue(text, SaveCampaign.class);
    }

    private void events(String list) throws Exception {
        postJson("/api/v1/events", json("{'events':[" + list + "]}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isAccepted());
    }

    private String who(String name) {
        return "{'external_id':'" + name + "','email':'" + mail(name) + "'}";
    }

    private String mail(String name) {
        return name + "-" + tag + "@example.com";
    }

    private UUID contactId(String name) {
        try {
            postJson("/api/v1/contacts", json(who(name)));
            String body = getJson("/api/v1/contacts?external_id=" + name)
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return UUID.fromString(JsonPath.read(body, "$.items[0].id"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private PageResult<Journey> journeys(UUID campaign, String status) {
        return campaigns.journeys(
                workspace.workspace().id(), campaign, JourneyStatus.of(status), PageResult.Request.of(1, 500));
    }

    /** For "waiting": waiting past the first step (the delay is scheduled). */
    private void awaitJourneys(UUID campaign, String status, int count) {
        await().atMost(WAIT)
                .until(() -> journeys(campaign, status).items().stream()
                                .filter(j -> !"waiting".equals(status) || j.stepIndex() > 0)
                                .count()
                        == count);
    }

    private MimeMessage awaitEmail(String name) {
        await().atMost(WAIT).until(() -> !smtp.to(mail(name)).isEmpty());
        return smtp.to(mail(name)).getFirst();
    }
}
