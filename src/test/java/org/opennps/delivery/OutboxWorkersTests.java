package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox workers: one SMTP connection per batch, recipients refused for good or for now,
 * a server that never answers, and a graceful stop in the middle of a burst.
 */
abstract class OutboxWorkersTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A burst through the real outbox, listeners and all, on a machine that may be busy. */
    private static final Duration BURST_WAIT = Duration.ofMinutes(2);

    @Autowired
    DeliveryService delivery;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    OutboxPoller poller;

    @Autowired
    DeliveryProperties properties;

    @Autowired
    TestMailServer smtp;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    WebhookDispatcher webhookDispatcher;

    @Autowired
    org.opennps.support.SqlStatements statements;

    private String tag;

    @BeforeEach
    void tagged() {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void pollerRunning() {
        if (!poller.isRunning()) {
            poller.start();
        }
    }

    @Test
    void aBatchGoesOverOneSmtpConnectionWithRsetBetweenMessages() throws Exception {
        poller.stop();
        try (SmtpStub stub = SmtpStub.answering(address -> "250 OK")) {
            List<String> to =
                    IntStream.range(0, 5).mapToObj(i -> address("r" + i)).toList();
            List<UUID> ids = to.stream().map(this::queue).toList();

            dispatcher(stub, 2000).dispatchDue();

            assertThat(stub.delivered()).containsAll(to);
            assertThat(stub.connections()).isEqualTo(1);
            assertThat(stub.commands().stream().filter("RSET"::equals).count())
                    .isEqualTo(stub.delivered().size() - 1L);
            assertThat(ids).allSatisfy(id -> assertThat(statusOf(id)).isEqualTo("sent"));
        }
    }

    @Test
    void aBatchIsClaimedAndRecordedInAHandfulOfStatements() throws Exception {
        poller.stop();
        try (SmtpStub stub = SmtpStub.answering(address -> "250 OK")) {
            int n = 20;
            List<UUID> ids =
                    IntStream.range(0, n).mapToObj(i -> queue(address("s" + i))).toList();
            try (var sql = statements.record()) {
                dispatcher(stub, 2000).dispatchDue();
                double perEmail = (double) sql.countOnThisThread() / n;
                System.out.printf(
                        "outbox: %d statements for %d e-mails (%.2f each)%n", sql.countOnThisThread(), n, perEmail);
                // claimed in three statements and read in one; all recorded in one batch with one event
                assertThat(sql.countOnThisThread()).as(sql.describe()).isLessThanOrEqualTo(8);
            }
            assertThat(ids).allSatisfy(id -> assertThat(statusOf(id)).isEqualTo("sent"));
        }
    }

    @Test
    void twoClaimersHoldingTheirClaimsAtOnceTakeDisjointBatchesAndTogetherAllRows() throws Exception {
        poller.stop();
        int n = 60;
        java.util.Set<UUID> ours = new java.util.HashSet<>(
                IntStream.range(0, n).mapToObj(i -> queue(address("c" + i))).toList());
        List<UUID> byA = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<UUID> byB = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CyclicBarrier bothHolding = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService claimers = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<UUID> everything = new java.util.concurrent.CopyOnWriteArrayList<>();
        boolean bothGotRowsAtOnce = false;
        try {
            for (int round = 0; round < 40 && !remaining(ours, byA, byB).isEmpty(); round++) {
                var a = claimers.submit(() -> claimHolding(bothHolding, 10));
                var b = claimers.submit(() -> claimHolding(bothHolding, 10));
                List<UUID> gotA = a.get(30, java.util.concurrent.TimeUnit.SECONDS);
                List<UUID> gotB = b.get(30, java.util.concurrent.TimeUnit.SECONDS);
                everything.addAll(gotA);
                everything.addAll(gotB);
                if (round == 0) {
                    bothGotRowsAtOnce = !gotA.isEmpty() && !gotB.isEmpty();
                }
                gotA.stream().filter(ours::contains).forEach(byA::add);
                gotB.stream().filter(ours::contains).forEach(byB::add);
            }
        } finally {
            claimers.shutdownNow();
            outbox.rows().release(List.copyOf(everything));
        }
        assertThat(bothGotRowsAtOnce)
                .as("while one claim is held, the other still takes due rows")
                .isTrue();
        assertThat(byA).doesNotHaveDuplicates().doesNotContainAnyElementsOf(byB);
        assertThat(byB).doesNotHaveDuplicates();
        java.util.Set<UUID> together = new java.util.HashSet<>(byA);
        together.addAll(byB);
        assertThat(together).isEqualTo(ours);
    }

    @Test
    void aRowSentByAnotherTransactionBetweenTheClaimsReadAndItsLockIsNotClaimed() throws Exception {
        poller.stop();
        int n = 6;
        List<UUID> ids =
                IntStream.range(0, n).mapToObj(i -> queue(address("l" + i))).toList();
        List<UUID> sentMeanwhile = ids.subList(0, n / 2);
        List<UUID> stillQueued = ids.subList(n / 2, n);
        Instant now = clock.instant();
        var otherNode = java.util.concurrent.Executors.newSingleThreadExecutor();
        List<UUID> claimed;
        // another node sends half of them after the claim read its due ids, before it locks them
        try (var between = statements.beforeFirst(
                sql -> sql.startsWith("select id, status, next_attempt_at, claimed_until from outgoing_email")
                        && sql.contains("for update"),
                () -> waitFor(otherNode.submit(() -> sentMeanwhile.forEach(
                        id -> jdbc.sql("update outgoing_email set status = 'sent', sent_at = ? where id = ?")
                                .params(org.opennps.shared.SqlTimes.param(now), id)
                                .update()))))) {
            claimed = tx.execute(status -> {
                status.setRollbackOnly();
                return outbox.rows().claimDue(now, now.plus(properties.claimTimeout()), 1000);
            });
            assertThat(between.ran())
                    .as("the other node ran between read and lock")
                    .isTrue();
        } finally {
            otherNode.shutdownNow();
        }
        assertThat(claimed).containsAll(stillQueued).doesNotContainAnyElementsOf(sentMeanwhile);
        assertThat(sentMeanwhile).allSatisfy(id -> assertThat(statusOf(id)).isEqualTo("sent"));
    }

    private static void waitFor(java.util.concurrent.Future<?> work) {
        try {
            work.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other transaction failed", e);
        }
    }

    private static java.util.Set<UUID> remaining(java.util.Set<UUID> ours, List<UUID> byA, List<UUID> byB) {
        java.util.Set<UUID> left = new java.util.HashSet<>(ours);
        byA.forEach(left::remove);
        byB.forEach(left::remove);
        return left;
    }

    /** Claims a batch and keeps its transaction open until the other claimer has claimed too. */
    private List<UUID> claimHolding(java.util.concurrent.CyclicBarrier bothHolding, int limit) {
        Instant now = clock.instant();
        return tx.execute(status -> {
            List<UUID> ids = outbox.claimBatch(now, now.plus(properties.claimTimeout()), limit).stream()
                    .map(QueuedEmail::id)
                    .toList();
            try {
                bothHolding.await(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other claimer did not come", e);
            }
            return ids;
        });
    }

    @Test
    void a550OnRcptMarksTheContactBouncedAndItIsNeverEmailedAgain() throws Exception {
        String dead = address("gone");
        String contactId = JsonPath.read(
                postJson("/api/v1/contacts", json("{'external_id':'gone-" + tag + "','email':'" + dead + "'}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        poller.stop();
        try (SmtpStub stub =
                SmtpStub.answering(address -> address.equals(dead) ? "550 5.1.1 No such user" : "250 OK")) {
            UUID id = queue(dead);
            UUID alive = queue(address("alive"));

            dispatcher(stub, 2000).dispatchDue();

            assertThat(statusOf(id)).isEqualTo("failed");
            assertThat(statusOf(alive)).isEqualTo("sent");
            assertThat(stub.connections()).isEqualTo(1);
        }
        await().atMost(WAIT)
                .untilAsserted(() -> getJson("/api/v1/contacts/" + contactId)
                        .andExpect(jsonPath("$.bounced_at").isNotEmpty()));
        getJson("/api/v1/bounces")
                .andExpect(jsonPath("$.items[0].email").value(dead))
                .andExpect(jsonPath("$.items[0].type").value("hard_bounce"))
                .andExpect(jsonPath("$.items[0].source").value("smtp"))
                .andExpect(jsonPath("$.items[0].contact_id").value(contactId));
    }

    @Test
    void a451OnRcptIsRetriedLaterWithBackOffAndBouncesNothing() throws Exception {
        String busy = address("busy");
        poller.stop();
        try (SmtpStub stub = SmtpStub.answering(address -> "451 4.2.1 Mailbox busy, try later")) {
            UUID id = queue(busy);

            dispatcher(stub, 2000).dispatchDue();

            assertThat(statusOf(id)).isEqualTo("queued");
            assertThat(attempts(id)).isEqualTo(1);
            Instant next = jdbc.sql("select next_attempt_at from outgoing_email where id = ?")
                    .param(id)
                    .query((rs, n) -> org.opennps.shared.SqlTimes.instant(rs, 1))
                    .single();
            assertThat(next).isAfterOrEqualTo(clock.instant().plus(properties.firstRetry()));
            assertThat(stub.delivered()).isEmpty();
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndTheEmailGoesOnceItIsBack() throws Exception {
        poller.stop();
        String to = address("patient");
        UUID id = queue(to);
        try (SmtpStub tarpit = SmtpStub.tarpit()) {
            DispatchResult result = assertTimeoutPreemptively(
                    Duration.ofSeconds(20), () -> dispatcher(tarpit, 300).dispatchDue());
            assertThat(result.retried()).isEqualTo(1);
            assertThat(statusOf(id)).isEqualTo("queued");
        }
        clock.advance(properties.firstRetry().plusSeconds(1));
        poller.start();
        await().atMost(WAIT).until(() -> "sent".equals(statusOf(id)));
        assertThat(smtp.to(to)).hasSize(1);
    }

    @Test
    void webhooksKeepFlowingWhileTheEmailWorkerWaitsOnASilentServer() throws Exception {
        poller.stop();
        com.sun.net.httpserver.HttpServer receiver =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.atomic.AtomicInteger posts = new java.util.concurrent.atomic.AtomicInteger();
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        UUID email = queue(address("stuck"));
        UUID webhook = delivery.queueWebhook(new WebhookRequest(
                ws(),
                "w-" + tag + "-hook",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "secret-for-the-test",
                "survey.invitation",
                Map.of("n", 1)));
        try (SmtpStub tarpit = SmtpStub.tarpit()) {
            OutboxPoller lanes = new OutboxPoller(
                    List.of(
                            new OutboxPoller.Lane("email", 1, dispatcher(tarpit, 60_000)::pass),
                            new OutboxPoller.Lane("webhook", 1, webhookDispatcher::pass)),
                    properties);
            lanes.start();
            try {
                await().atMost(WAIT).until(() -> "sent".equals(webhookStatus(webhook)));
                // the e-mail worker is still waiting for the silent server's greeting
                assertThat(statusOf(email)).isEqualTo("sending");
                assertThat(tarpit.connections()).isEqualTo(1);
                assertThat(posts.get()).isEqualTo(1);
            } finally {
                tarpit.close(); // the waiting worker's read fails at once; its e-mail goes back to the queue
                lanes.stop();
            }
        } finally {
            receiver.stop(0);
        }
        assertThat(statusOf(email)).isEqualTo("queued");
    }

    @Test
    void aGracefulStopMidBurstHoldsNothingAndARestartSendsEachRecipientOnce() {
        int n = 200;
        List<String> to =
                IntStream.range(0, n).mapToObj(i -> address("burst" + i)).toList();
        List<UUID> ids = tx.execute(s -> to.stream().map(this::queue).toList());
        await().atMost(BURST_WAIT).until(() -> sentCount() >= 10);

        poller.stop(); // what a SIGTERM does to the outbox, before the pool closes
        assertThat(countWithStatus("sending")).isZero();
        assertThat(countWithStatus("sent") + countWithStatus("queued")).isEqualTo(n);

        poller.start();
        await().atMost(BURST_WAIT).until(() -> countWithStatus("sent") == n);
        assertThat(to).allSatisfy(address -> assertThat(smtp.to(address)).hasSize(1));
        assertThat(ids).hasSize(n);
    }

    private long sentCount() {
        return countWithStatus("sent");
    }

    private long countWithStatus(String status) {
        return jdbc.sql("select count(*) from outgoing_email where reference like ? and status = ?")
                .params("w-" + tag + "-%", status)
                .query(Long.class)
                .single();
    }

    private UUID queue(String to) {
        return delivery.queueMessage(ws(), "w-" + tag + "-" + to, to, "Hello", "We changed X for you.", "en", null);
    }

    private EmailDispatcher dispatcher(SmtpStub stub, int timeoutMillis) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(stub.port());
        Properties props = new Properties();
        props.put("mail.smtp.connectiontimeout", String.valueOf(timeoutMillis));
        props.put("mail.smtp.timeout", String.valueOf(timeoutMillis));
        props.put("mail.smtp.writetimeout", String.valueOf(timeoutMillis));
        sender.setJavaMailProperties(props);
        return new EmailDispatcher(outbox, new SmtpTransport(sender), properties, events, tx, clock);
    }

    private String webhookStatus(UUID id) {
        return delivery.webhookStatus(ws(), id).orElseThrow();
    }

    private String statusOf(UUID id) {
        return delivery.status(ws(), id).orElseThrow();
    }

    private int attempts(UUID id) {
        return jdbc.sql("select attempts from outgoing_email where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    private UUID ws() {
        return workspace.workspace().id();
    }

    private String address(String name) {
        return name + "-" + tag + "@example.com";
    }
}
