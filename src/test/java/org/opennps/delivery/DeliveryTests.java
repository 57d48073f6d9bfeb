package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;
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
        String raw = new String(message.getRawInputStream().readAllBytes());
        String all = bodyOf(message);
        IntStream.rangeClosed(0, 10)
                .forEach(score -> assertThat(all).contains("https://nps.example/s/tok?score=" + score));
        assertThat(all).contains("#ff6600").contains("Wypisz się z ankiet").contains("<html lang=\"pl\"");
        assertThat(raw).isNotEmpty();
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
        UUID id = delivery.queueMessage(ws(), "msg-1", to, "We listened", "You asked, we changed X.", "en", null);
        Instant now = clock.instant();
        // a node claims the row and dies before sending
        assertThat(outbox.claim(id, now, now.plus(Duration.ofMinutes(5)))).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(delivery.dispatchDue().sent()).isZero();

        clock.advance(Duration.ofMinutes(5));
        MimeMessage message = awaitOne(to);
        assertThat(bodyOf(message)).contains("You asked, we changed X.");
        assertThat(attempts(id)).isEqualTo(2);
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

    private SurveyEmail survey(String to, String reference, String locale) {
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

    private MimeMessage awaitOne(String to) {
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

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
