package org.opennps.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.delivery.DeliveryService;
import org.opennps.shared.PageResult;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every URL the server will call is checked when saved (webhooks, alert webhooks and Slack,
 * campaign webhooks); deleting a subscription cancels its queued posts. Refused targets are
 * literal addresses the guard refuses itself; the only receiver listens on loopback, which the
 * test settings allow.
 */
abstract class OutboundTargetTests extends ApiTestBase {

    @Autowired
    WebhookService webhooks;

    @Autowired
    DeliveryService delivery;

    private HttpServer receiver;
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            hits.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void internalUrlsAreRefusedWhenSaved() throws Exception {
        postJson(
                        "/api/v1/webhooks",
                        json("{'url':'http://169.254.169.254/latest/meta-data','events':['response.scored']}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("url"));
        postJson("/api/v1/webhooks", json("{'url':'http://[::ffff:10.0.0.1]/','events':['response.scored']}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("url"));
        postJson(
                        "/api/v1/alert-rules",
                        json("{'name':'Detractors','when':{'category':['detractor']},"
                                + "'notify':[{'email':'support@shop.example'},{'slack':'http://10.0.0.5/services/x'}],"
                                + "'create_case':true}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("notify[1].slack"));
        postJson(
                        "/api/v1/alert-rules",
                        json("{'name':'Detractors','when':{'category':['detractor']},"
                                + "'notify':[{'webhook':'http://metadata.google.internal/x'}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("notify[0].webhook"));
        String survey = JsonPath.read(
                postJson("/api/v1/surveys", json("{'name':'NPS','questions':[{'id':'nps','type':'nps','text':'Q?'}]}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        postJson(
                        "/api/v1/campaigns",
                        json("{'name':'Hook','survey_id':'" + survey + "','status':'draft',"
                                + "'trigger':{'event_type':'order.placed'},"
                                + "'steps':[{'type':'action','action':'webhook','url':'http://192.168.0.10/crm'}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("steps[0].url"));
    }

    @Test
    void deletingASubscriptionCancelsItsQueuedPosts() throws Exception {
        String created = postJson(
                        "/api/v1/webhooks",
                        json("{'url':'http://127.0.0.1:" + receiver.getAddress().getPort()
                                + "/hook','events':['response.scored']}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(created, "$.id"));
        UUID ws = workspace.workspace().id();
        webhooks.publish(ws, "response.scored", "r-1", Map.of("response_id", "r-1"));
        // the receiver answers 503: the post waits for its retry
        await().atMost(Duration.ofSeconds(15)).until(() -> hits.get() >= 1 && "queued".equals(postStatus(ws, id)));

        deleteJson("/api/v1/webhooks/" + id).andExpect(status().isNoContent());
        assertThat(postStatus(ws, id)).isEqualTo("cancelled");
        clock.advance(Duration.ofHours(1));
        delivery.dispatchDue();
        assertThat(postStatus(ws, id)).isEqualTo("cancelled");
        assertThat(hits).hasValue(1);
    }

    private String postStatus(UUID ws, UUID subscription) {
        var log = delivery.webhookLog(ws, "sub:" + subscription + ":", PageResult.Request.of(1, 10));
        return log.items().isEmpty() ? null : log.items().getFirst().status().code();
    }
}
