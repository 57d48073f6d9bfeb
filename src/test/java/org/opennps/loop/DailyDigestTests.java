package org.opennps.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.analytics.AnalyticsService;
import org.opennps.analytics.NpsResult;
import org.opennps.support.ApiTestBase;
import org.opennps.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;

/** The daily digest e-mail through GreenMail, with time moved by the test; H2 and PostgreSQL. */
abstract class DailyDigestTests extends ApiTestBase {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    /** 08:30 in Warsaw on 23 November: yesterday is the 22nd. */
    static final Instant DUE = Instant.parse("2026-11-23T07:30:00Z");

    @Autowired
    TestMailServer smtp;

    @Autowired
    DigestService digests;

    @Autowired
    AnalyticsService analytics;

    UUID ws;
    String surveyId;
    String lead;
    String ceo;

    @BeforeEach
    void setUp() throws Exception {
        ws = workspace.workspace().id();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        lead = "lead-" + tag + "@shop.example";
        ceo = "ceo-" + tag + "@shop.example";
        surveyId = JsonPath.read(
                postJson(
                                "/api/v1/surveys",
                                json("{'name':'NPS','questions':[{'id':'nps','type':'nps','text':'How likely?'},"
                                        + "{'id':'why','type':'text','text':'Why?','required':false}]}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    @AfterEach
    void quiet() throws Exception {
        putDigest("{'enabled':false}").andExpect(status().isOk());
    }

    @Test
    void settingsDefaultToOffAtEightAndAreValidated() throws Exception {
        getJson("/api/v1/digest")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.recipients").isEmpty())
                .andExpect(jsonPath("$.send_hour").value(8))
                .andExpect(jsonPath("$.time_zone").value("Europe/Warsaw"));
        putDigest("{'enabled':true,'recipients':['nope',' Lead@Shop.example '],'send_hour':24}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("send_hour", "recipients[0]")));
        putDigest("{'enabled':true,'recipients':[]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("recipients"));
        putDigest("{'enabled':true,'recipients':[' Lead@Shop.example '],'send_hour':7}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recipients[0]").value("lead@shop.example"))
                .andExpect(jsonPath("$.send_hour").value(7));
    }

    @Test
    void yesterdaysFiguresDetractorsAndCasesGoToEachRecipientOnce() throws Exception {
        postJson(
                        "/api/v1/alert-rules",
                        json("{'name':'Detractors','when':{'category':['detractor']},'create_case':true,"
                                + "'due_in':'PT1H'}"))
                .andExpect(status().isCreated());
        clock.set(Instant.parse("2026-11-21T10:00:00Z"));
        respond(7, null);
        respond(8, null);
        clock.set(Instant.parse("2026-11-22T09:00:00Z"));
        respond(10, null);
        respond(9, "Great");
        respond(3, "Parcel <b>late</b> & broken");
        respond(7, null);
        // 00:30 on the 23rd in Warsaw: today, not yesterday
        clock.set(Instant.parse("2026-11-22T23:30:00Z"));
        respond(10, null);
        await().atMost(WAIT).until(() -> counted() == 7 && openCases() == 1);
        putDigest("{'enabled':true,'recipients':['" + lead + "','" + ceo + "'],'send_hour':8}")
                .andExpect(status().isOk());

        clock.set(DUE.minus(Duration.ofHours(1)));
        // sendDue serves every workspace: other tests' digests may fall due here, so judge this one's
        digests.sendDue();
        getJson("/api/v1/digest").andExpect(jsonPath("$.last_sent_day").isEmpty());
        assertThat(smtp.to(lead)).isEmpty();

        clock.set(DUE);
        CompletableFuture<DigestService.DigestResult> a = CompletableFuture.supplyAsync(digests::sendDue);
        CompletableFuture<DigestService.DigestResult> b = CompletableFuture.supplyAsync(digests::sendDue);
        a.join();
        b.join();
        clock.advance(Duration.ofHours(3));
        digests.sendDue();

        await().atMost(WAIT)
                .until(() -> smtp.to(lead).size() == 1 && smtp.to(ceo).size() == 1);
        background.settle();
        assertThat(smtp.to(lead)).hasSize(1);
        getJson("/api/v1/digest").andExpect(jsonPath("$.last_sent_day").value("2026-11-22"));

        var mail = smtp.to(lead).getFirst();
        assertThat(mail.getSubject())
                .isEqualTo(workspace.workspace().name() + ": NPS digest for 2026-11-22 — 4 responses, NPS 25.0");
        NpsResult yesterday =
                analytics.nps(ws, Instant.parse("2026-11-21T23:00:00Z"), Instant.parse("2026-11-22T23:00:00Z"));
        String text = part(mail, "text/plain");
        assertThat(text)
                .contains("Yesterday, Sunday 22 November 2026 (Europe/Warsaw)")
                .contains("Responses: 4\n")
                .contains("NPS: 25.0 (95 % interval " + one(yesterday.ci95().get(0)) + " to "
                        + one(yesterday.ci95().get(1)) + ")")
                .contains("Change vs the day before: +25.0 (NPS 0.0 from 2 the day before)")
                .contains("Promoters 2, passives 1, detractors 1")
                .contains("- 3/10: Parcel <b>late</b> & broken")
                .contains("Cases: 1 open, 1 overdue")
                .contains("Inbox: http://")
                .doesNotContain("Great");
        String html = part(mail, "text/html");
        assertThat(html)
                .contains("Parcel &lt;b&gt;late&lt;/b&gt; &amp; broken")
                .doesNotContain("<b>late</b>")
                .contains("/responses\">Open the inbox</a>");
        assertThat(part(smtp.to(ceo).getFirst(), "text/plain")).isEqualTo(text);
    }

    @Test
    void anEmptyDaySendsAShortDigest() throws Exception {
        putDigest("{'enabled':true,'recipients':['" + lead + "']}").andExpect(status().isOk());
        clock.set(DUE);
        digests.sendDue();
        await().atMost(WAIT).until(() -> smtp.to(lead).size() == 1);
        var mail = smtp.to(lead).getFirst();
        assertThat(mail.getSubject())
                .isEqualTo(workspace.workspace().name() + ": NPS digest for 2026-11-22 — no responses");
        assertThat(part(mail, "text/plain"))
                .contains("No responses yesterday.")
                .contains("Cases: 0 open, 0 overdue")
                .doesNotContain("Detractors");
    }

    @Test
    void theDigestSpeaksTheWorkspacesDefaultLanguage() throws Exception {
        patchJson("/api/v1/workspace", json("{'settings':{'default_locale':'pl'}}"))
                .andExpect(status().isOk());
        putDigest("{'enabled':true,'recipients':['" + lead + "']}").andExpect(status().isOk());
        clock.set(DUE);
        digests.sendDue();
        await().atMost(WAIT).until(() -> smtp.to(lead).size() == 1);
        var mail = smtp.to(lead).getFirst();
        assertThat(mail.getSubject())
                .isEqualTo(workspace.workspace().name() + ": podsumowanie NPS za 2026-11-22 — brak odpowiedzi");
        assertThat(part(mail, "text/plain"))
                .contains("Wczoraj, niedziela, 22 listopada 2026 (Europe/Warsaw)")
                .contains("Wczoraj nie było odpowiedzi.")
                .contains("Sprawy: otwarte 0, po terminie 0");
        assertThat(part(mail, "text/html")).contains("lang=\"pl\"").contains("Otwórz skrzynkę odpowiedzi");
    }

    @Test
    void aDisabledDigestIsNotSent() throws Exception {
        putDigest("{'enabled':true,'recipients':['" + lead + "']}").andExpect(status().isOk());
        putDigest("{'enabled':false,'recipients':['" + lead + "']}").andExpect(status().isOk());
        clock.set(DUE);
        digests.sendDue();
        background.settle();
        assertThat(smtp.to(lead)).isEmpty();
        getJson("/api/v1/digest")
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.last_sent_day").isEmpty());
    }

    private org.springframework.test.web.servlet.ResultActions putDigest(String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/digest")
                .header("Authorization", "Bearer " + key)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(json(body)));
    }

    private void respond(int score, String why) throws Exception {
        String answers = why == null ? "" : ",'answers':{'why':'" + why + "'}";
        postJson(
                        "/api/v1/responses",
                        json("{'survey_id':'" + surveyId + "','contact':{'external_id':'c-" + UUID.randomUUID()
                                + "'},'score':" + score + answers + ",'channel':'api'}"))
                .andExpect(status().isCreated());
    }

    private long counted() {
        return analytics.nps(ws, null, null).responses();
    }

    private int openCases() throws Exception {
        return JsonPath.read(
                getJson("/api/v1/cases?status=open").andReturn().getResponse().getContentAsString(), "$.total");
    }

    private static String one(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The decoded body part of one content type. */
    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part.getContent().toString().replace("\r\n", "\n");
        }
        if (part.getContent() instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart child = multi.getBodyPart(i);
                String found = part(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String partOrNull(Part part, String type) throws Exception {
        return part(part, type);
    }
}
