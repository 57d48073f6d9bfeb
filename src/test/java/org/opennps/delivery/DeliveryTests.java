package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox through a real SMTP server; run on H2 and on PostgreSQL by the subclasses. */
abstract class DeliveryTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    DeliveryService delivery;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    DevMailbox devMailbox;

    @Autowired
    TestMailServer smtp;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.opennps.workspace.WorkspaceService workspaces;

    @Autowired
    OutboxPoller poller;

    @Autowired
    DeliveryProperties properties;

    @Autowired
    org.springframework.mail.javamail.JavaMailSender sender;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @AfterEach
    void smtpUpAgain() {
        if (!smtp.running()) {
            smtp.start();
        }
    }

    @Test
    void surveyEmailCarriesElevenScoreLinksBrandAndOneClickUnsubscribe() throws Exception {
        patchJson("/api/v1/workspace", json("{'settings':{'brand_color':'#ff6600','sender_name':'Shop'}}"));
        String to = unique("ann");
        delivery.queueSurvey(survey(to, "inv-1", "pl"));

        MimeMessage message = awaitOne(to);
        assertThat(message.getSubject()).isEqualTo("How did we do?");
        assertThat(message.getFrom()[0].toString()).contains("Shop");
        assertThat(message.getHeader("List-Unsubscribe")[0]).isEqualTo("<https://nps.example/s/tok/unsubscribe>");
        assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String html = partOf(message, "text/html");
        String text = partOf(message, "text/plain");
        List<String> scoreLinks = IntStream.rangeClosed(0, 10)
                .mapToObj(score -> "https://nps.example/s/tok?score=" + score)
                .toList();
        // whole links in order, so "score=1" is not passed by "score=10"
        assertThat(links(html, "href=\"(https://nps\\.example/s/tok\\?score=\\d+)\""))
                .containsExactlyElementsOf(scoreLinks);
        assertThat(links(text, "(https://nps\\.example/s/tok\\?score=\\d+)(?!\\d)"))
                .containsExactlyElementsOf(scoreLinks);
        assertThat(html)
                .contains("#ff6600")
                .contains("href=\"https://nps.example/s/tok/unsubscribe\"")
                .contains("Wypisz się z ankiet")
                .contains("<html lang=\"pl\"");
        assertThat(text).contains("https://nps.example/s/tok/unsubscribe").doesNotContain("<html");
    }

    private static List<String> links(String body, String pattern) {
        return java.util.regex.Pattern.compile(pattern)
                .matcher(body)
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    /** The one body part of this type, however deep in the multipart tree. */
    private static String partOf(MimeMessage message, String type) throws Exception {
        List<String> found = new java.util.ArrayList<>();
        collect((jakarta.mail.Part) message, type, found);
        assertThat(found).as("%s parts", type).hasSize(1);
        return found.getFirst();
    }

    private static void collect(jakarta.mail.Part part, String type, List<String> found) throws Exception {
        if (part.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), type, found);
            }
        } else if (part.isMimeType(type)) {
            found.add(part.getContent().toString());
        }
    }

    @Test
    void withoutASubjectOfItsOwnTheSurveyEmailHasATranslatedOneAndThePlainPartCarriesTheBrand() throws Exception {
        patchJson("/api/v1/workspace", json("{'settings':{'display_name':'Kwiatek','sender_name':'Sklep'}}"));
        String to = unique("zofia");
        SurveyEmail plain = survey(to, "inv-pl-subject", "pl");
        delivery.queueSurvey(new SurveyEmail(
                plain.workspaceId(),
                plain.reference(),
                plain.to(),
                null,
                plain.intro(),
                plain.question(),
                plain.scoreUrls(),
                plain.surveyUrl(),
                plain.unsubscribeUrl(),
                plain.locale()));
        MimeMessage message = awaitOne(to);
        assertThat(message.getSubject()).isEqualTo("Czy polecisz Kwiatek znajomym?");
        String all = bodyOf(message);
        assertThat(all)
                .contains("Kwiatek")
                .contains("0 = Zdecydowanie nie polecę")
                .contains("10: https://nps.example/s/tok?score=10");
    }

    @Test
    void smtpDownThenUpSendsTheEmailOnce() throws Exception {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        String to = unique("bob");
        smtp.stop();
        UUID id = delivery.queueSurvey(survey(to, "inv-2", "en"));

        await().atMost(WAIT).until(() -> attempts(id) >= 1 && "queued".equals(statusOf(id)));
        assertThat(smtp.to(to)).isEmpty();

        smtp.start();
        clock.advance(Duration.ofMinutes(2));
        awaitOne(to);
        await().atMost(WAIT).until(() -> "sent".equals(statusOf(id)));
        clock.advance(Duration.ofHours(2));
        delivery.dispatchDue();
        assertThat(smtp.to(to)).hasSize(1);
    }

    @Test
    void theBatchFormOfQueueingASurveyEmailRefusesToRunOutsideATransaction() {
        String to = unique("tx");
        assertThatThrownBy(() -> delivery.queueSurvey(survey(to, "inv-tx", "en"), workspaces.get(ws())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
        assertThat(emailTo(to)).isEmpty();
    }

    @Test
    void queueingTheSameReferenceTwiceSendsOnce() throws Exception {
        String to = unique("cy");
        UUID first = delivery.queueSurvey(survey(to, "inv-3", "en"));
        UUID second = delivery.queueSurvey(survey(to, "inv-3", "en"));

        assertThat(second).isEqualTo(first);
        awaitOne(to);
        delivery.dispatchDue();
        assertThat(smtp.to(to)).hasSize(1);
    }

    @Test
    void emailOfANodeThatCrashedWhileSendingIsTakenOverOnce() throws Exception {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        String to = unique("dee");
        // the takeover is driven pass by pass below: no worker of this node may race the claims
        poller.stop();
        UUID id = delivery.queueMessage(ws(), "msg-1", to, "We listened", "You asked, we changed X.", "en", null);
        Instant now = clock.instant();
        // a node claims the row and dies before sending
        assertThat(outbox.claim(id, now, now.plus(Duration.ofMinutes(5)))).isPresent();
        clock.advance(Duration.ofMinutes(1));
        delivery.dispatchDue();
        assertThat(smtp.to(to)).isEmpty();
        assertThat(statusOf(id)).isEqualTo("sending");

        // once the dead node's claim ran out, the next pass (any node's) takes the row over
        clock.advance(Duration.ofMinutes(5));
        delivery.dispatchDue();
        List<MimeMessage> received = smtp.to(to);
        assertThat(received).hasSize(1);
        assertThat(bodyOf(received.getFirst())).contains("You asked, we changed X.");
        assertThat(statusOf(id)).isEqualTo("sent");
        assertThat(attempts(id)).isEqualTo(2);

        clock.advance(Duration.ofHours(2));
        delivery.dispatchDue();
        assertThat(smtp.to(to)).hasSize(1);
    }

    @Test
    void aNodeDyingAfterSmtpAcceptedIsResentWithTheSameMessageIdByDefault() throws Exception {
        String to = unique("fay");
        UUID id = crashAfterAccept(to);

        clock.advance(properties.claimTimeout().plusMinutes(1));
        EmailDispatcher next = dispatcher(new SmtpTransport(sender), properties.withResendUnknown(true));
        next.dispatchDue();

        await().atMost(WAIT).until(() -> smtp.to(to).size() == 2);
        assertThat(smtp.to(to))
                .extracting(m -> m.getHeader("Message-ID")[0])
                .containsExactly("<" + id + "@opennps>", "<" + id + "@opennps>");
        assertThat(statusOf(id)).isEqualTo("sent");
        assertThat(attempts(id)).isEqualTo(2);
        clock.advance(Duration.ofHours(2));
        next.dispatchDue();
        assertThat(smtp.to(to)).hasSize(2);
    }

    @Test
    void aNodeDyingAfterSmtpAcceptedIsParkedForReviewWhenResendingIsOff() throws Exception {
        String to = unique("gil");
        UUID id = crashAfterAccept(to);

        clock.advance(properties.claimTimeout().plusMinutes(1));
        EmailDispatcher next = dispatcher(new SmtpTransport(sender), properties.withResendUnknown(false));
        next.dispatchDue();

        assertThat(statusOf(id)).isEqualTo("unknown");
        clock.advance(Duration.ofDays(1));
        next.dispatchDue();
        delivery.dispatchDue();
        assertThat(statusOf(id)).isEqualTo("unknown");
        assertThat(smtp.to(to)).hasSize(1);
    }

    @Test
    void theEmailsOfABatchAreMarkedSentBeforeTheSmtpSessionCloses() throws Exception {
        poller.stop();
        List<String> to = List.of(unique("hal"), unique("hal"), unique("hal"));
        List<UUID> ids = to.stream()
                .map(address -> delivery.queueMessage(ws(), "msg-" + address, address, "Hello", "Body", "en", null))
                .toList();
        List<String> statusAtClose = new java.util.ArrayList<>();
        SmtpTransport smtpTransport = new SmtpTransport(sender);
        MailTransport lookingAtClose = new MailTransport() {
            @Override
            public void send(QueuedEmail email, Runnable accepted) {
                smtpTransport.send(email, accepted);
            }

            @Override
            public Session open() {
                Session session = smtpTransport.open();
                return new Session() {
                    @Override
                    public void send(QueuedEmail email, Runnable accepted) {
                        session.send(email, accepted);
                    }

                    @Override
                    public void close() {
                        ids.forEach(id -> statusAtClose.add(statusOf(id)));
                        session.close();
                    }
                };
            }
        };
        dispatcher(lookingAtClose, properties).dispatchDue();

        assertThat(statusAtClose).containsExactly("sent", "sent", "sent");
        assertThat(to).allSatisfy(address -> assertThat(smtp.to(address)).hasSize(1));
    }

    @Test
    void acceptedEmailsWaitAtMostMarkWithinToBeRecorded() {
        poller.stop();
        // what earlier tests left due goes first, so the passes below each take these three whole
        for (int pass = 0; pass < 20 && delivery.dispatchDue().total() > 0; pass++) {}
        List<UUID> ids = java.util.stream.Stream.of(unique("ida"), unique("ida"), unique("ida"))
                .map(address -> delivery.queueMessage(ws(), "msg-" + address, address, "Hello", "Body", "en", null))
                .toList();
        // what the earlier e-mails of the batch look like when the last one is handed over
        Map<String, List<String>> seen = new java.util.LinkedHashMap<>();
        for (Duration within : List.of(Duration.ofMinutes(1), Duration.ZERO)) {
            List<String> before = new java.util.ArrayList<>();
            List<UUID> handed = new java.util.ArrayList<>();
            MailTransport looking = (email, accepted) -> {
                if (ids.contains(email.id()) && handed.size() == 2) {
                    handed.forEach(id -> before.add(statusOf(id)));
                }
                handed.add(email.id());
                accepted.run();
            };
            dispatcher(looking, properties.withMarkWithin(within)).dispatchDue();
            seen.put(within.toString(), before);
            assertThat(ids).allSatisfy(id -> assertThat(statusOf(id)).isEqualTo("sent"));
            ids.forEach(id -> jdbc.sql(
                            "update outgoing_email set status = 'queued', next_attempt_at = sent_at" + " where id = ?")
                    .param(id)
                    .update());
        }
        // the clock stands still: within a minute the batch is recorded at its end; with zero, one by one
        assertThat(seen.get("PT1M")).containsExactly("sending", "sending");
        assertThat(seen.get("PT0S")).containsExactly("sent", "sent");
    }

    /** Queues an e-mail and lets a node hand it to SMTP and die before recording that it went. */
    private UUID crashAfterAccept(String to) {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        poller.stop();
        UUID id = delivery.queueMessage(ws(), "msg-" + to, to, "We listened", "You asked, we changed X.", "en", null);
        MailTransport dying = (email, accepted) -> new SmtpTransport(sender).send(email, () -> {
            if (!email.id().equals(id)) {
                accepted.run();
                return;
            }
            throw new IllegalStateException("node died after the SMTP server accepted");
        });
        try {
            assertThatThrownBy(() -> dispatcher(dying, properties).dispatchDue())
                    .hasMessageContaining("node died");
        } catch (RuntimeException | AssertionError e) {
            poller.start();
            throw e;
        }
        assertThat(smtp.to(to)).hasSize(1);
        assertThat(statusOf(id)).isEqualTo("sending");
        return id;
    }

    /** A survey e-mailed by an active campaign the moment the person orders; returns the campaign's id. */
    private String emailOnOrder() throws Exception {
        String survey = com.jayway.jsonpath.JsonPath.read(
                postJson("/api/v1/surveys", json("{'name':'NPS','questions':[{'id':'nps','type':'nps','text':'?'}]}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        return com.jayway.jsonpath.JsonPath.read(
                postJson(
                                "/api/v1/campaigns",
                                json("{'name':'Soon deleted','survey_id':'" + survey + "','status':'active',"
                                        + "'trigger':{'event_type':'order.placed'},"
                                        + "'steps':[{'type':'action','action':'email'}]}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    /** Orders as {@code to} and waits for the campaign's survey e-mail to be queued; returns its id. */
    private UUID orderAndAwaitQueued(String to) throws Exception {
        postJson(
                        "/api/v1/events",
                        json("{'type':'order.placed','contact':{'external_id':'" + to + "','email':'" + to
                                + "'},'properties':{}}"))
                .andExpect(status().isAccepted());
        await().atMost(WAIT).until(() -> emailTo(to).isPresent());
        return emailTo(to).orElseThrow();
    }

    private java.util.Optional<UUID> emailTo(String to) {
        return jdbc.sql("select id from outgoing_email where workspace_id = ? and to_address = ?")
                .params(ws(), to)
                .query(UUID.class)
                .optional();
    }

    @Test
    void aSurveyEmailStillQueuedWhenItsCampaignIsDeletedIsNeverSent() throws Exception {
        String campaign = emailOnOrder();
        String to = unique("hal");
        poller.stop();
        UUID id = orderAndAwaitQueued(to);
        assertThat(statusOf(id)).isEqualTo("queued");

        deleteJson("/api/v1/campaigns/" + campaign + "?confirm=true").andExpect(status().isNoContent());
        assertThat(statusOf(id)).isEqualTo("cancelled");
        getJson("/api/v1/outbox?status=cancelled&to=" + to)
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].last_error").value(org.hamcrest.Matchers.containsString("deleted")));

        delivery.dispatchDue();
        poller.start();
        clock.advance(Duration.ofHours(2));
        delivery.dispatchDue();
        background.settle();
        assertThat(smtp.to(to)).isEmpty();
        assertThat(statusOf(id)).isEqualTo("cancelled");
    }

    @Test
    void anEmailWhoseNodeStoppedMidSendIsNotSentAgainOnceItsInvitationIsGone() throws Exception {
        String campaign = emailOnOrder();
        String to = unique("ida");
        poller.stop();
        UUID id = orderAndAwaitQueued(to);
        Instant now = clock.instant();
        // a node claims the row, and stops before handing it over
        assertThat(outbox.claim(id, now, now.plus(properties.claimTimeout()))).isPresent();
        deleteJson("/api/v1/campaigns/" + campaign + "?confirm=true").andExpect(status().isNoContent());
        // a send in progress is left to finish: nothing can call it back once it is handed over
        assertThat(statusOf(id)).isEqualTo("sending");

        clock.advance(properties.claimTimeout().plusMinutes(1));
        dispatcher(new SmtpTransport(sender), properties.withResendUnknown(true))
                .dispatchDue();
        assertThat(statusOf(id)).isEqualTo("cancelled");
        assertThat(attempts(id)).isEqualTo(1);
        clock.advance(Duration.ofHours(2));
        delivery.dispatchDue();
        assertThat(smtp.to(to)).isEmpty();
    }

    @Test
    void theOutboxSkipsAnEmailWhoseInvitationIsGoneAndSendsTheRest() throws Exception {
        String gone = unique("jon");
        String kept = unique("kim");
        poller.stop();
        UUID withdrawn = delivery.queueSurvey(
                survey(gone, org.opennps.invitation.InvitationService.outboxReference(UUID.randomUUID()), "en"));
        UUID other = delivery.queueSurvey(survey(kept, "not-an-invitation-" + UUID.randomUUID(), "en"));

        // a pass takes a share of what is due; other tests may have left some
        for (int pass = 0;
                pass < 20 && ("queued".equals(statusOf(withdrawn)) || "queued".equals(statusOf(other)));
                pass++) {
            delivery.dispatchDue();
        }

        assertThat(statusOf(withdrawn)).isEqualTo("cancelled");
        assertThat(statusOf(other)).isEqualTo("sent");
        assertThat(smtp.to(gone)).isEmpty();
        assertThat(smtp.to(kept)).hasSize(1);
    }

    @AfterEach
    void pollerRunning() {
        if (!poller.isRunning()) {
            poller.start();
        }
    }

    private EmailDispatcher dispatcher(MailTransport transport, DeliveryProperties props) {
        return new EmailDispatcher(outbox, transport, props, events, tx, clock);
    }

    @Test
    void devMailboxListsEmailsOfTheWorkspaceOnly() throws Exception {
        String to = unique("eve");
        devMailbox.send(new QueuedEmail(
                UUID.randomUUID(),
                ws(),
                "r-1",
                "no-reply@opennps.local",
                "Shop",
                to,
                "Hello",
                "Text body",
                "<p>Html</p>",
                Map.of(),
                1));

        getJson("/api/v1/mailbox?to=" + to)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].to").value(to))
                .andExpect(jsonPath("$.items[0].subject").value("Hello"))
                .andExpect(jsonPath("$.items[0].text").value("Text body"))
                .andExpect(jsonPath("$.items[0].html").value("<p>Html</p>"))
                .andExpect(jsonPath("$.items[0].sent_at").exists());
        String otherKey = testWorkspaces.create().apiKey().key();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/mailbox")
                        .header("Authorization", "Bearer " + otherKey))
                .andExpect(jsonPath("$.total").value(0));
    }

    SurveyEmail survey(String to, String reference, String locale) {
        List<String> scores = IntStream.rangeClosed(0, 10)
                .mapToObj(s -> "https://nps.example/s/tok?score=" + s)
                .toList();
        return new SurveyEmail(
                ws(),
                reference,
                to,
                "How did we do?",
                null,
                "How likely are you to recommend us to a friend?",
                scores,
                "https://nps.example/s/tok",
                "https://nps.example/s/tok/unsubscribe",
                locale);
    }

    MimeMessage awaitOne(String to) {
        await().atMost(WAIT).until(() -> !smtp.to(to).isEmpty());
        List<MimeMessage> received = smtp.to(to);
        assertThat(received).hasSize(1);
        return received.getFirst();
    }

    private static String bodyOf(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof MimeMultipart multipart) {
            StringBuilder all = new StringBuilder();
            collect(multipart, all);
            return all.toString();
        }
        return content.toString();
    }

    private static void collect(MimeMultipart multipart, StringBuilder all) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Object part = multipart.getBodyPart(i).getContent();
            if (part instanceof MimeMultipart nested) {
                collect(nested, all);
            } else {
                all.append(part).append('\n');
            }
        }
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

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
