package org.opennps.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A switched-off subscription shows in the webhooks health component without taking the node down; H2 and PostgreSQL. */
abstract class WebhookHealthTests extends ApiTestBase {

    @Autowired
    WebhookHealth health;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSwitchedOffSubscriptionIsDegradedButTheNodeStaysUpAndReady() throws Exception {
        String id = JsonPath.read(
                postJson("/api/v1/webhooks", json("{'url':'https://crm.shop.example/h','events':['response.scored']}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        jdbc.sql("update webhook_subscription set active = false where id = ?")
                .param(UUID.fromString(id))
                .update();
        try {
            health.refresh();
            assertThat(health.health().getStatus()).isEqualTo(WebhookHealth.DEGRADED);
            assertThat(health.health().getDetails().get("switched_off_subscriptions"))
                    .asString()
                    .isNotEqualTo("0");
            mvc.perform(get("/actuator/health"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        } finally {
            deleteJson("/api/v1/webhooks/" + id);
        }
    }
}
