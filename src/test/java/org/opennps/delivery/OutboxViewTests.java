package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.TestMailServer;
import org.opennps.workspace.CreatedWorkspace;
import org.springframework.beans.factory.annotation.Autowired;

/** The outbox as operators see it: {@code GET /api/v1/outbox} and the Prometheus metrics. H2 and PostgreSQL. */
abstract class OutboxViewTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    DeliveryService delivery;

    @Autowired
    TestMailServer smtp;

    @Autowired
    OutboxMetrics metrics;

    @AfterEach
    void smtpUpAgain() {
        if (!smtp.running()) {
            smtp.start();
        }
    }

    @Test
    void sentAndRetryingEmailsAreListedWithStatusAttemptsErrorAndNextAttempt() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID ws = workspace.workspace().id();
        UUID sent = delivery.queue(email(ws, "inv-" + tag + "-1", "ok-" + tag + "@example.com"));
        await().atMost(WAIT).until(() -> delivery.status(ws, sent).orElseThrow().equals("sent"));

        smtp.stop();
        UUID failing = delivery.queue(email(ws, "inv-" + tag + "-2", "later-" + tag + "@example.com"));
        await().atMost(WAIT).until(() -> {
            String body = getJson("/api/v1/outbox?status=queued")
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return body.contains(failing.toString()) && body.contains("\"attempts\":1");
        });

        getJson("/api/v1/outbox?status=queued")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(failing.toString()))
                .andExpect(jsonPath("$.items[0].to").value("later-" + tag + "@example.com"))
                .andExpect(jsonPath("$.items[0].attempts").value(1))
                .andExpect(jsonPath("$.items[0].last_error").isNotEmpty())
                .andExpect(jsonPath("$.items[0].next_attempt_at").isNotEmpty())
                .andExpect(jsonPath("$.items[0].last_attempt_at").isNotEmpty());
        getJson("/api/v1/outbox?status=sent&reference=inv-" + tag)
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(sent.toString()))
                .andExpect(jsonPath("$.items[0].sent_at").isNotEmpty())
                .andExpect(jsonPath("$.items[0].next_attempt_at").isEmpty());
        getJson("/api/v1/outbox?size=1&page=2").andExpect(jsonPath("$.total").value(2));
        getJson("/api/v1/outbox?status=lost")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("must be one of queued, sending, sent, failed, unknown, cancelled"));

        metrics.refresh();
        String scrape = mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(scrape).contains("opennps_outbox_depth{channel=\"email\"}");
        assertThat(gauge(scrape, "opennps_outbox_depth{channel=\"email\"}")).isGreaterThanOrEqualTo(1);
        assertThat(gauge(scrape, "opennps_outbox_retrying{channel=\"email\"}")).isGreaterThanOrEqualTo(1);
        assertThat(gauge(scrape, "opennps_outbox_sent_total{channel=\"email\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape)
                .contains("opennps_outbox_oldest_age")
                .contains("opennps_outbox_failed_total{channel=\"webhook\"}")
                .contains("opennps_scheduler_lag_seconds{task=\"journey-step\"}");
    }

    @Test
    void anotherWorkspaceSeesNoneOfTheseEmails() throws Exception {
        UUID ws = workspace.workspace().id();
        UUID id = delivery.queue(email(ws, "mine-1", "mine@example.com"));
        CreatedWorkspace other = testWorkspaces.create();
        mvc.perform(get("/api/v1/outbox")
                        .header("Authorization", "Bearer " + other.apiKey().key()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        getJson("/api/v1/outbox").andExpect(jsonPath("$.items[0].id").value(id.toString()));
    }

    private static EmailRequest email(UUID ws, String reference, String to) {
        return new EmailRequest(ws, reference, "message", to, "Hello", "Hi there", null, null);
    }

    private static double gauge(String scrape, String series) {
        return scrape.lines()
                .filter(l -> l.startsWith(series + " "))
                .mapToDouble(
                        l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .findFirst()
                .orElse(-1);
    }
}
