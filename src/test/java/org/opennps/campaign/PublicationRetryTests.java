package org.opennps.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.scheduling.PublicationRetry;
import org.opennps.shared.PageResult;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A journey listener that fails (here: the database refuses its insert, as after a blip) has
 * its event handed to it again by the periodic retry, without a restart, and the registry keeps
 * no finished publications. Time is moved, never waited for; H2 and PostgreSQL.
 */
abstract class PublicationRetryTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired
    CampaignService campaigns;

    @Autowired
    PublicationRetry retry;

    @Autowired
    JdbcClient jdbc;

    private String tag;
    private UUID campaign;

    @BeforeEach
    void campaignWaitingForOrders() throws Exception {
        clock.set(MONDAY_MORNING);
        tag = UUID.randomUUID().toString().substring(0, 8);
        String survey = JsonPath.read(
                postJson("/api/v1/surveys", CampaignApiTests.PASSIVES_SURVEY)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String body = postJson(
                        "/api/v1/campaigns",
                        CampaignApiTests.afterPurchase(
                                survey,
                                "active",
                                "{'type':'action','action':'message','subject':'Thanks','body':'We changed X.'}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        campaign = UUID.fromString(JsonPath.read(body, "$.id"));
    }

    @Test
    void aJourneyListenerThatFailedOnceStartsItsJourneyAtTheNextRetryWithoutRestart() throws Exception {
        refuseJourneysOf("fail-" + tag);
        try {
            order("fail-" + tag);
            awaitFailedPublication("fail-" + tag);
        } finally {
            acceptJourneys();
        }
        assertThat(journeys()).isZero();

        clock.advance(Duration.ofSeconds(50));
        retry.resubmitDue();
        assertThat(attempts("fail-" + tag))
                .as("not due before the retry interval")
                .isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        assertThat(retry.resubmitDue()).isGreaterThanOrEqualTo(1);
        await().atMost(WAIT).until(() -> journeys() == 1);
        await().atMost(WAIT).until(() -> publicationsOf("fail-" + tag) == 0);
    }

    @Test
    void aListenerThatKeepsFailingIsRetriedLessAndLessOften() throws Exception {
        refuseJourneysOf("again-" + tag);
        try {
            order("again-" + tag);
            awaitFailedPublication("again-" + tag);
            clock.advance(Duration.ofMinutes(1));
            assertThat(retry.resubmitDue()).isGreaterThanOrEqualTo(1);
            await().atMost(WAIT)
                    .until(() -> jdbc.sql(
                                            "select count(*) from event_publication"
                                                    + " where serialized_event like ? and status <> 'RESUBMITTED' and completion_attempts = 2")
                                    .param("%again-" + tag + "%")
                                    .query(Long.class)
                                    .single()
                            == 1);
            clock.advance(Duration.ofMinutes(1));
            retry.resubmitDue();
            assertThat(attempts("again-" + tag))
                    .as("the second retry waits twice as long")
                    .isEqualTo(2);
        } finally {
            acceptJourneys();
        }
        clock.advance(Duration.ofMinutes(1));
        assertThat(retry.resubmitDue()).isGreaterThanOrEqualTo(1);
        await().atMost(WAIT).until(() -> journeys() == 1);
    }

    @Test
    void aPublicationLeftRunningByADeadNodeIsPickedUpWithoutRestart() throws Exception {
        refuseJourneysOf("dead-" + tag);
        try {
            order("dead-" + tag);
            awaitFailedPublication("dead-" + tag);
        } finally {
            acceptJourneys();
        }
        // As a node that died inside the listener leaves it: processing, never finished.
        assertThat(attempts("dead-" + tag)).isEqualTo(1);
        jdbc.sql("update event_publication set status = 'PROCESSING' where serialized_event like ?")
                .param("%dead-" + tag + "%")
                .update();
        clock.advance(Duration.ofMinutes(1));
        assertThat(retry.resubmitDue()).isGreaterThanOrEqualTo(1);
        await().atMost(WAIT).until(() -> journeys() == 1);
        await().atMost(WAIT).until(() -> publicationsOf("dead-" + tag) == 0);
    }

    @Test
    void finishedPublicationsAreDeleted() throws Exception {
        order("ok-" + tag);
        await().atMost(WAIT).until(() -> journeys() == 1);
        await().atMost(WAIT).until(() -> publicationsOf("ok-" + tag) == 0);
    }

    private void order(String eventId) throws Exception {
        postJson(
                        "/api/v1/events",
                        json("{'id':'" + eventId + "','type':'order.placed','contact':{'external_id':'c-" + tag
                                + "','email':'c-" + tag + "@example.com'},'properties':{'order_id':'o-1','value':20}}"))
                .andExpect(status().isAccepted());
    }

    /** The database refuses journeys started by this event, as it would refuse any write during a blip. */
    private void refuseJourneysOf(String eventId) {
        jdbc.sql("alter table journey add constraint journey_refused_" + tag + " check (trigger_event_id <> '" + eventId
                        + "')")
                .update();
    }

    private void acceptJourneys() {
        jdbc.sql("alter table journey drop constraint journey_refused_" + tag).update();
    }

    private void awaitFailedPublication(String eventId) {
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from event_publication where serialized_event like ?"
                                        + " and status = 'FAILED' and listener_id like '%JourneyStarter%'")
                                .param("%" + eventId + "%")
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private long attempts(String eventId) {
        return jdbc.sql(
                        "select coalesce(max(completion_attempts), 0) from event_publication where serialized_event like ?")
                .param("%" + eventId + "%")
                .query(Long.class)
                .single();
    }

    private long publicationsOf(String eventId) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%" + eventId + "%")
                .query(Long.class)
                .single();
    }

    private long journeys() {
        return campaigns
                .journeys(workspace.workspace().id(), campaign, null, PageResult.Request.of(1, 10))
                .total();
    }
}
