package org.opennps.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.contact.ContactInput;
import org.opennps.contact.ContactService;
import org.opennps.event.IngestedEvent;
import org.opennps.shared.PageResult;
import org.opennps.support.ApiTestBase;
import org.opennps.support.SqlStatements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A burst of due journeys runs in batches: many journeys per transaction, the shared reads once
 * per batch, and each journey's step still takes effect once.
 */
abstract class JourneyBatchTests extends ApiTestBase {

    static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired
    CampaignService campaigns;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Autowired
    JourneyStarter starter;

    @Autowired
    JourneyRunner runner;

    @Autowired
    ContactService contacts;

    @Autowired
    SqlStatements statements;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("schedulerLifecycle")
    SmartLifecycle appScheduler;

    private String tag;
    private String surveyId;

    @BeforeEach
    void survey() throws Exception {
        clock.set(MONDAY_MORNING);
        tag = UUID.randomUUID().toString().substring(0, 8);
        surveyId = JsonPath.read(
                postJson("/api/v1/surveys", CampaignApiTests.PASSIVES_SURVEY)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    @Test
    void anEmailStepCostsAtMostEightStatementsPerJourney() {
        int n = 40;
        appScheduler.stop();
        try {
            UUID campaign = emailCampaign();
            List<UUID> started = start(campaign, n);
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            try (var sql = statements.record()) {
                int ran = runAll(started);
                assertThat(ran).isEqualTo(n);
                double perJourney = (double) sql.countOnThisThread() / n;
                System.out.printf(
                        "e-mail step: %d statements for %d journeys (%.2f each)%n",
                        sql.countOnThisThread(), n, perJourney);
                assertThat(perJourney).as(sql.describe()).isLessThanOrEqualTo(8.0);
            }
            assertThat(journeys(campaign, "completed")).isEqualTo(n);
            assertThat(outboxRows(campaign)).isEqualTo(n);
        } finally {
            appScheduler.start();
        }
    }

    @Test
    void aBatchInterruptedHalfWayLeavesEveryJourneyToRunOnce() {
        int n = 20;
        appScheduler.stop();
        try {
            UUID campaign = emailCampaign();
            List<UUID> started = start(campaign, n);
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            int executionsBefore = executions(started);
            assertThat(executionsBefore).isEqualTo(n);

            // the node dies after ten of the batch's journeys acted, before the batch committed
            assertThatThrownBy(() -> runner.runBatch(started.getFirst(), 1, 0, n, ran -> {
                        if (ran == n / 2) {
                            throw new IllegalStateException("node lost half-way through the batch");
                        }
                    }))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(journeys(campaign, "waiting")).isEqualTo(n);
            assertThat(outboxRows(campaign)).isZero();
            assertThat(invitations(campaign)).isZero();
            assertThat(executions(started)).isEqualTo(n);

            // a restarted node runs the batch again; a late repeat of any execution does nothing
            assertThat(runner.runBatch(started.get(3), 1, 0, n, ran -> {})).isEqualTo(n);
            assertThat(runner.runBatch(started.get(3), 1, 0, n, ran -> {})).isZero();
            assertThat(runner.run(started.getFirst(), 1)).isEqualTo(JourneyRunner.Result.ALREADY_DONE);
            assertThat(journeys(campaign, "completed")).isEqualTo(n);
            assertThat(outboxRows(campaign)).isEqualTo(n);
            assertThat(invitations(campaign)).isEqualTo(n);
            // the claimed journeys' executions went with the batch; only the one that ran it stays for the scheduler
            assertThat(executions(started)).isEqualTo(1);
        } finally {
            appScheduler.start();
        }
    }

    /** Runs the due journeys the way one scheduler execution does; returns how many acted. */
    int runAll(List<UUID> journeyIds) {
        return runner.runBatch(journeyIds.getFirst(), 1, 0, journeyIds.size(), ran -> {});
    }

    int executions(List<UUID> journeyIds) {
        return jdbc.sql(
                        "select count(*) from scheduled_tasks where task_name = 'journey-step' and task_instance = any(?)")
                .param(journeyIds.stream().map(id -> id + "#1").toArray(String[]::new))
                .query(Integer.class)
                .single();
    }

    long invitations(UUID campaign) {
        return jdbc.sql("select count(*) from invitation where campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
    }

    UUID emailCampaign() {
        String body = json("{'name':'Batch " + tag + "','survey_id':'" + surveyId
                + "','status':'active','trigger':{'event_type':'order.placed'},'sampling_percent':100,"
                + "'steps':[{'type':'delay','duration':'P1D'},"
                + "{'type':'action','action':'email','subject':'How did we do?'}]}");
        return UUID.fromString(campaigns
                .create(workspace.workspace().id(), json.readValue(body, SaveCampaign.class))
                .id()
                .toString());
    }

    List<UUID> start(UUID campaign, int n) {
        UUID ws = workspace.workspace().id();
        List<IngestedEvent> events = IntStream.range(0, n)
                .mapToObj(i -> {
                    UUID contact = contacts.upsert(
                                    ws,
                                    new ContactInput(
                                            "b" + i + "-" + tag,
                                            "b" + i + "-" + tag + "@example.com",
                                            null,
                                            null,
                                            null,
                                            null,
                                            Map.of()))
                            .contact()
                            .id();
                    return new IngestedEvent("e" + i + "-" + tag, "order.placed", contact, Map.of(), MONDAY_MORNING);
                })
                .toList();
        starter.handle(ws, events);
        List<UUID> ids = jdbc.sql("select id from journey where campaign_id = ?")
                .param(campaign)
                .query(UUID.class)
                .list();
        for (UUID id : ids) {
            runner.run(id, 0);
        }
        return ids;
    }

    long journeys(UUID campaign, String status) {
        return campaigns
                .journeys(workspace.workspace().id(), campaign, status, PageResult.Request.of(1, 1))
                .total();
    }

    long outboxRows(UUID campaign) {
        return jdbc.sql("select count(*) from outgoing_email e join invitation i on e.reference = 'invitation:' || i.id"
                        + " where i.campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
    }
}
