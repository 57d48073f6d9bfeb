package org.opennps.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
import org.springframework.transaction.support.TransactionTemplate;

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
    JourneyRepository journeyRows;

    @Autowired
    org.opennps.delivery.DeliveryService delivery;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    @Qualifier("outboxPoller")
    SmartLifecycle outboxPoller;

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
    void anEmailStepCostsAtMostOneStatementPerJourney() {
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
                assertThat(perJourney).as(sql.describe()).isLessThanOrEqualTo(1.0);
            }
            assertThat(journeys(campaign, "completed")).isEqualTo(n);
            assertThat(outboxRows(campaign)).isEqualTo(n);
        } finally {
            appScheduler.start();
        }
    }

    @Test
    void sendingABatchOfSurveyEmailsCostsLessThanOneStatementPerEmailListenersIncluded() {
        int n = 40;
        appScheduler.stop();
        outboxPoller.stop();
        try {
            UUID campaign = emailCampaign();
            List<UUID> started = start(campaign, n);
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            assertThat(runAll(started)).isEqualTo(n);
            try (var sql = statements.record()) {
                // passes until nothing is due: e-mails earlier tests left due may fill the first one
                int sent = 0;
                int pass;
                do {
                    pass = delivery.dispatchDue().sent();
                    sent += pass;
                } while (pass > 0);
                assertThat(sent).isGreaterThanOrEqualTo(n);
                // the invitations move to sent and their webhooks are looked up on the listener threads
                await().atMost(Duration.ofSeconds(60)).until(() -> sentInvitations(campaign) == n && !pendingEvents());
                Predicate<SqlStatements.Statement> counted =
                        st -> !st.sql().contains(PROBE) && !st.thread().startsWith("metrics-");
                long count = sql.statements().stream().filter(counted).count();
                double perEmail = (double) count / sent;
                System.out.printf(
                        "sending: %d statements for %d e-mails, listeners included (%.2f each)%n",
                        count, sent, perEmail);
                assertThat(perEmail).as(sql.describe()).isLessThan(1.0);
            }
        } finally {
            outboxPoller.start();
            appScheduler.start();
        }
    }

    @Test
    void twoBatchesHoldingTheirClaimsAtOnceTakeDisjointJourneysAndTogetherAll() throws Exception {
        int n = 40;
        appScheduler.stop();
        var claimers = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            UUID campaign = emailCampaign();
            Set<UUID> ours = new HashSet<>(start(campaign, n));
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            CyclicBarrier bothHolding = new CyclicBarrier(2);
            List<UUID> byA = new ArrayList<>();
            List<UUID> byB = new ArrayList<>();
            boolean bothGotJourneysAtOnce = false;
            for (int round = 0; round < 40 && byA.size() + byB.size() < n; round++) {
                var a = claimers.submit(() -> claimHolding(bothHolding, 8));
                var b = claimers.submit(() -> claimHolding(bothHolding, 8));
                List<UUID> gotA = a.get(30, TimeUnit.SECONDS);
                List<UUID> gotB = b.get(30, TimeUnit.SECONDS);
                bothGotJourneysAtOnce |= round == 0 && !gotA.isEmpty() && !gotB.isEmpty();
                gotA.stream().filter(ours::contains).forEach(byA::add);
                gotB.stream().filter(ours::contains).forEach(byB::add);
            }
            assertThat(bothGotJourneysAtOnce)
                    .as("while one batch holds its journeys, the other still takes due ones")
                    .isTrue();
            assertThat(byA).doesNotHaveDuplicates().doesNotContainAnyElementsOf(byB);
            assertThat(byB).doesNotHaveDuplicates();
            Set<UUID> together = new HashSet<>(byA);
            together.addAll(byB);
            assertThat(together).isEqualTo(ours);
        } finally {
            claimers.shutdownNow();
            appScheduler.start();
        }
    }

    @Test
    void aJourneyFinishedByAnotherTransactionBetweenTheClaimsReadAndItsLockIsNotClaimed() throws Exception {
        int n = 6;
        appScheduler.stop();
        var otherNode = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            UUID campaign = emailCampaign();
            List<UUID> started = start(campaign, n);
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            Instant now = clock.instant();
            List<UUID> finishedMeanwhile = started.subList(0, n / 2);
            List<UUID> stillWaiting = started.subList(n / 2, n);
            List<UUID> claimed;
            // another node finishes half of them after the claim read its due ids, before it locks them
            try (var between = statements.beforeFirst(
                    sql -> sql.startsWith("select * from journey where id in") && sql.contains("for update"),
                    () -> waitFor(otherNode.submit(() -> finishedMeanwhile.forEach(
                            id -> journeyRows.finish(id, 2, "completed", "run by another node", now, now)))))) {
                claimed = tx.execute(status -> {
                    status.setRollbackOnly();
                    return journeyRows.claimDue(now, UUID.randomUUID(), 1000, id -> false).stream()
                            .map(Journey::id)
                            .toList();
                });
                assertThat(between.ran())
                        .as("the other node ran between read and lock")
                        .isTrue();
            }
            assertThat(claimed).containsAll(stillWaiting).doesNotContainAnyElementsOf(finishedMeanwhile);
            assertThat(journeys(campaign, "completed")).isEqualTo(n / 2);
        } finally {
            otherNode.shutdownNow();
            appScheduler.start();
        }
    }

    static void waitFor(java.util.concurrent.Future<?> work) {
        try {
            work.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other transaction failed", e);
        }
    }

    /**
     * Claims due journeys the way a batch does, ends them (as its steps would) and keeps the
     * transaction open until the other claimer has claimed too.
     */
    private List<UUID> claimHolding(CyclicBarrier bothHolding, int limit) {
        Instant now = clock.instant();
        return tx.execute(status -> {
            List<UUID> ids = journeyRows.claimDue(now, UUID.randomUUID(), limit, id -> false).stream()
                    .map(Journey::id)
                    .toList();
            ids.forEach(id -> journeyRows.finish(id, 2, "completed", "claimed by the test", now, now));
            try {
                bothHolding.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other claimer did not come", e);
            }
            return ids;
        });
    }

    private static final String PROBE = "/* budget probe */";

    private long sentInvitations(UUID campaign) {
        return jdbc.sql("select " + PROBE + " count(*) from invitation where campaign_id = ? and status = 'sent'")
                .param(campaign)
                .query(Long.class)
                .single();
    }

    private boolean pendingEvents() {
        return jdbc.sql("select " + PROBE + " count(*) from event_publication where completion_date is null")
                        .query(Long.class)
                        .single()
                > 0;
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

    @Test
    void aJourneyThatFailsAloneIsLeftOutOfLaterBatchesAndKeepsItsExecution() {
        int n = 6;
        appScheduler.stop();
        try {
            UUID campaign = emailCampaign();
            List<UUID> started = start(campaign, n);
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            UUID broken = started.get(2);
            // a step that throws whenever it runs: the campaign version it follows is missing
            int version = jdbc.sql("select campaign_version from journey where id = ?")
                    .param(broken)
                    .query(Integer.class)
                    .single();
            jdbc.sql("update journey set campaign_version = 999 where id = ?")
                    .param(broken)
                    .update();

            // a batch that claims it rolls back whole; the broken journey's own execution then fails alone too
            assertThatThrownBy(() -> runner.runBatch(started.getFirst(), 1, 0, n, ran -> {}))
                    .isInstanceOf(RuntimeException.class);
            assertThat(journeys(campaign, "waiting")).isEqualTo(n);
            assertThatThrownBy(() -> runner.execute(broken, 1, 0, n)).isInstanceOf(RuntimeException.class);
            assertThat(journeys(campaign, "waiting")).isEqualTo(n);

            // the next batch leaves it out and runs every other journey; it keeps its execution for the scheduler
            assertThat(runner.runBatch(started.getFirst(), 1, 0, n, ran -> {})).isEqualTo(n - 1);
            assertThat(journeys(campaign, "completed")).isEqualTo(n - 1);
            assertThat(jdbc.sql("select status from journey where id = ?")
                            .param(broken)
                            .query(String.class)
                            .single())
                    .isEqualTo("waiting");
            assertThat(executions(List.of(broken))).isEqualTo(1);
            assertThat(outboxRows(campaign)).isEqualTo(n - 1);

            // after a while batches may claim it again: were it mended by then, it would run once like any other
            clock.advance(JourneyRunner.KEPT_OUT.plusMinutes(1));
            jdbc.sql("update journey set campaign_version = ? where id = ?")
                    .param(version)
                    .param(broken)
                    .update();
            runner.execute(started.getFirst(), 1, 0, n);
            assertThat(journeys(campaign, "completed")).isEqualTo(n);
            assertThat(outboxRows(campaign)).isEqualTo(n);
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
                .journeys(workspace.workspace().id(), campaign, JourneyStatus.of(status), PageResult.Request.of(1, 1))
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
