package org.opennps.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The source flow with survey invitations: order placed → two days → only if picked up →
 * survey e-mail through SMTP, one click on a score opens the follow-ups; fatigue suppresses
 * and records why.
 */
abstract class SurveyEmailFlowTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern SCORE_8 = Pattern.compile("https?://[^/\"\\s]+(/s/[^?\"\\s]+)\\?score=8");

    @Autowired
    TestMailServer smtp;

    private String tag;
    private String campaignId;

    @BeforeEach
    void campaign() throws Exception {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        tag = UUID.randomUUID().toString().substring(0, 8);
        String survey = JsonPath.read(
                postJson("/api/v1/surveys", CampaignApiTests.PASSIVES_SURVEY)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String body = CampaignApiTests.afterPurchase(
                survey, "active", "{'type':'action','action':'email','subject':'How did we do?'}");
        campaignId = JsonPath.read(
                postJson("/api/v1/campaigns", body).andReturn().getResponse().getContentAsString(), "$.id");
    }

    @Test
    void onlyTheCustomerWhoPickedUpGetsTheSurveyAndAnEightShowsThePassiveQuestions() throws Exception {
        postJson(
                "/api/v1/events",
                json("{'events':["
                        + "{'type':'order.placed','contact':" + who("a")
                        + ",'properties':{'order_id':'o-1','value':20}},"
                        + "{'type':'order.placed','contact':" + who("b")
                        + ",'properties':{'order_id':'o-2','value':20}},"
                        + "{'type':'order.picked_up','contact':" + who("a") + ",'properties':{'order_id':'o-1'},"
                        + "'occurred_at':'2026-11-23T12:00:00Z'}]}"));
        awaitWaiting(2);

        clock.advance(Duration.ofDays(2).plusMinutes(1));
        await().atMost(WAIT).until(() -> !smtp.to(mail("a")).isEmpty());
        MimeMessage email = smtp.to(mail("a")).getFirst();
        assertThat(email.getSubject()).isEqualTo("How did we do?");
        assertThat(email.getHeader("List-Unsubscribe")[0]).contains("/unsubscribe");
        String raw = new String(email.getRawInputStream().readAllBytes());
        Matcher link = SCORE_8.matcher(raw.replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).isTrue();
        await().atMost(WAIT).until(() -> invitations("sent").contains(campaignId));

        mvc.perform(get(link.group(1)).param("score", "8"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("What could we do to earn a 9 or 10 from you?")));
        background.settle();
        assertThat(smtp.to(mail("b"))).isEmpty();
        assertThat(smtp.to(mail("a"))).hasSize(1);
    }

    @Test
    void aSecondOrderWithinTheRecontactWindowIsSuppressedWithItsReason() throws Exception {
        postJson(
                "/api/v1/events",
                json("{'events':["
                        + "{'type':'order.placed','contact':" + who("a")
                        + ",'properties':{'order_id':'o-1','value':20}},"
                        + "{'type':'order.picked_up','contact':" + who("a") + ",'properties':{'order_id':'o-1'},"
                        + "'occurred_at':'2026-11-23T12:00:00Z'}]}"));
        awaitWaiting(1);
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        await().atMost(WAIT).until(() -> !smtp.to(mail("a")).isEmpty());
        await().atMost(WAIT).until(() -> invitations("sent").contains(campaignId));

        postJson(
                "/api/v1/events",
                json("{'events':["
                        + "{'type':'order.placed','contact':" + who("a")
                        + ",'properties':{'order_id':'o-3','value':20}},"
                        + "{'type':'order.picked_up','contact':" + who("a") + ",'properties':{'order_id':'o-3'},"
                        + "'occurred_at':'2026-11-25T12:00:00Z'}]}"));
        awaitWaiting(1);
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        await().atMost(WAIT).until(() -> invitations("suppressed").contains("recontact_after_invitation"));
        getJson("/api/v1/campaigns/" + campaignId + "/journeys?status=stopped")
                .andExpect(jsonPath("$.items[0].outcome").value("suppressed: recontact_after_invitation"));
        assertThat(smtp.to(mail("a"))).hasSize(1);
    }

    private String invitations(String status) throws Exception {
        return getJson("/api/v1/invitations?campaign_id=" + campaignId + "&status=" + status)
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private void awaitWaiting(int count) {
        await().atMost(WAIT).until(() -> {
            String body = getJson("/api/v1/campaigns/" + campaignId + "/journeys?status=waiting")
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            java.util.List<Integer> steps = JsonPath.read(body, "$.items[*].step_index");
            return steps.size() == count && steps.stream().allMatch(s -> s > 0);
        });
    }

    private String who(String name) {
        return "{'external_id':'" + name + "-" + tag + "','email':'" + mail(name) + "'}";
    }

    private String mail(String name) {
        return name + "-" + tag + "@example.com";
    }
}
