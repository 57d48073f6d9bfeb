package org.opennps.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A score of 3 reaches support by e-mail and a signed webhook, as a case; subscriptions are
 * retried until accepted once and switched off after repeated failure. Real SMTP (GreenMail)
 * and a real local HTTP receiver; run on H2 and on PostgreSQL by the subclasses.
 */
abstract class CloseTheLoopFlowTests extends ApiTestBase {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String SECRET = "receiver-secret-0123456789";

    @Autowired
    TestMailServer smtp;

    HttpServer receiver;
    final List<String[]> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();
    String surveyId;
    String support;

    @BeforeEach
    void setUp() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            attempts.incrementAndGet();
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            if (status == 200) {
                received.add(new String[] {
                    exchange.getRequestHeaders().getFirst("X-OpenNPS-Signature"),
                    body,
                    exchange.getRequestHeaders().getFirst("X-OpenNPS-Event")
                });
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        support = "support-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
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
    void stopReceiver() {
        receiver.stop(0);
    }

    String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    String respond(String externalId, int score) throws Exception {
        return JsonPath.read(
                postJson(
                                "/api/v1/responses",
                                json(
                                        "{'survey_id':'" + surveyId + "','contact':{'external_id':'" + externalId
                                                + "','email':'" + externalId + "@x.example','name':'Ann <b>'},'score':"
                                                + score
                                                + ",'answers':{'why':'The parcel came <script>late</script>'},'channel':'api'}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    @Test
    void aThreeReachesSupportByMailAndSignedWebhookAsACase() throws Exception {
        postJson(
                        "/api/v1/alert-rules",
                        json("{'name':'Detractors to support','when':{'category':['detractor']},'create_case':true,"
                                + "'notify':[{'email':'" + support + "'},{'webhook':'" + hook() + "','secret':'"
                                + SECRET
                                + "'}]}"))
                .andExpect(status().isCreated());
        String response = respond("d-" + UUID.randomUUID(), 3);

        await().atMost(WAIT).until(() -> !smtp.to(support).isEmpty() && received.size() == 1);
        MimeMessage mail = smtp.to(support).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Detractors to support: score 3 (detractor)");
        assertThat(mail.getContent().toString())
                .contains("The parcel came <script>late</script>")
                .contains("/responses/" + response);
        String[] post = received.getFirst();
        String t = post[0].substring(2, post[0].indexOf(','));
        assertThat(post[0]).isEqualTo("t=" + t + ",v1=" + hmac(SECRET, t + "." + post[1]));
        assertThat(post[2]).isEqualTo("alert.fired");
        assertThat(post[1]).contains("\"response_id\":\"" + response + "\"").contains("\"score\":3");
        getJson("/api/v1/cases?status=open")
                .andExpect(jsonPath("$.items[0].response_id").value(response));
    }

    @Test
    void subscriptionFailingTwiceGetsTheEventExactlyOnceMore() throws Exception {
        String created = postJson(
                        "/api/v1/webhooks",
                        json("{'url':'" + hook() + "','events':['response.scored'],'secret':'" + SECRET + "'}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").value(SECRET))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        getJson("/api/v1/webhooks/" + id).andExpect(jsonPath("$.secret").doesNotExist());
        failuresLeft.set(2);
        String response = respond("p-" + UUID.randomUUID(), 9);

        driveUntil(() -> received.size() == 1);
        // the receiver counts the post before the sender has recorded it as sent: moving time
        // past the claim before that would rightly hand the still-claimed row to another attempt
        await().atMost(WAIT)
                .until(() -> "sent"
                        .equals(JsonPath.read(
                                getJson("/api/v1/webhooks/" + id + "/deliveries")
                                        .andReturn()
                                        .getResponse()
                                        .getContentAsString(),
                                "$.items[0].status")));
        clock.advance(Duration.ofHours(2));
        await().atMost(WAIT).until(() -> attempts.get() >= 3);
        background.settle();
        assertThat(attempts.get()).isEqualTo(3);

        assertThat(received.getFirst()[2]).isEqualTo("response.scored");
        assertThat(received.getFirst()[1]).contains(response);
        getJson("/api/v1/webhooks/" + id + "/deliveries")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].status").value("sent"))
                .andExpect(jsonPath("$.items[0].attempts").value(3));
    }

    @Test
    void subscriptionFailingForGoodIsSwitchedOffWithTheReason() throws Exception {
        String id = JsonPath.read(
                postJson("/api/v1/webhooks", json("{'url':'" + hook() + "','events':['response.scored']}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        failuresLeft.set(Integer.MAX_VALUE);
        respond("f1-" + UUID.randomUUID(), 9);
        respond("f2-" + UUID.randomUUID(), 10);
        driveUntil(() -> disabled(id));
        getJson("/api/v1/webhooks/" + id)
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(
                        jsonPath("$.disabled_reason").value(org.hamcrest.Matchers.containsString("failed deliveries")));
    }

    @Test
    void switchedOffSubscriptionIsSwitchedOnAndGetsWhatItMissedExactlyOnce() throws Exception {
        String id = JsonPath.read(
                postJson(
                                "/api/v1/webhooks",
                                json("{'url':'" + hook() + "','events':['response.scored'],'secret':'" + SECRET + "'}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        failuresLeft.set(Integer.MAX_VALUE);
        respond("off1-" + UUID.randomUUID(), 9);
        respond("off2-" + UUID.randomUUID(), 10);
        driveUntil(() -> disabled(id));
        String whileOff = respond("off3-" + UUID.randomUUID(), 7);
        background.settle(); // the response's event has reached the webhooks while they are off
        failuresLeft.set(0);
        postJson("/api/v1/webhooks/" + id + "/replay", "{}").andExpect(status().isConflict());

        postJson("/api/v1/webhooks/" + id + "/enable", json("{'replay_from':'2000-01-01T00:00:00Z'}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subscription.active").value(true))
                .andExpect(jsonPath("$.subscription.consecutive_failures").value(0))
                .andExpect(jsonPath("$.replayed.missed").value(1))
                .andExpect(jsonPath("$.replayed.retried").value(2));
        driveUntil(() -> received.size() == 3);
        assertThat(received.stream().map(r -> r[1]).filter(b -> b.contains(whileOff)))
                .hasSize(1);
        for (String[] post : received) {
            String t = post[0].substring(2, post[0].indexOf(','));
            assertThat(post[0]).isEqualTo("t=" + t + ",v1=" + hmac(SECRET, t + "." + post[1]));
        }

        // A second replay finds nothing new to post: every event went out once.
        postJson("/api/v1/webhooks/" + id + "/replay", "{}")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.missed").value(0))
                .andExpect(jsonPath("$.retried").value(0));
        getJson("/api/v1/webhooks/" + id + "/deliveries")
                .andExpect(jsonPath("$.total").value(3));

        postJson("/api/v1/webhooks/" + id + "/test", "{}").andExpect(status().isAccepted());
        driveUntil(() -> received.size() == 4);
        assertThat(received.get(3)[2]).isEqualTo("webhook.test");
        postJson("/api/v1/webhooks/" + UUID.randomUUID() + "/enable", "{}").andExpect(status().isNotFound());
    }

    @Test
    void badSubscriptionsAreRefused() throws Exception {
        postJson("/api/v1/webhooks", json("{'url':'ftp://x','events':['response.eaten'],'secret':'short'}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(3));
    }

    /** The receiver's own check: hex HMAC-SHA256 of "<t>.<raw body>" with the shared secret. */
    static String hmac(String secret, String payload) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Moves time on in steps longer than any back-off, letting the outbox poller work after
     * each, until the condition holds. A retry written just after a step is due at the next;
     * work in flight finishes before time moves, so no claim expires under a post being sent.
     */
    void driveUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        for (int step = 0; step < 30 && !condition.call(); step++) {
            try {
                await().atMost(Duration.ofSeconds(2)).until(condition);
            } catch (org.awaitility.core.ConditionTimeoutException notYet) {
                background.settle(); // a post in flight is recorded before its claim can run out
                clock.advance(Duration.ofHours(2));
            }
        }
        assertThat(condition.call())
                .as("condition reached while driving the clock")
                .isTrue();
    }

    boolean disabled(String id) throws Exception {
        String body =
                getJson("/api/v1/webhooks/" + id).andReturn().getResponse().getContentAsString();
        return !(Boolean) JsonPath.read(body, "$.active");
    }
}
