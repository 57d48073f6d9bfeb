package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opennps.support.OnH2;
import org.springframework.boot.health.contributor.Status;

@OnH2
class HealthH2Test extends HealthTests {

    @Test
    void anEmbeddedDatabaseThatGivesNoConnectionIsSlowForTheGraceThenDownNotAfterThePoolTimeout() throws Exception {
        assertThat(database.health().getStatus()).isEqualTo(Status.UP);
        List<Connection> held = holdEveryConnection();
        try {
            // No server to ask past the pool: the pool would make a caller wait its connection
            // timeout, the check gives up first; a database that answered a moment ago is only
            // slow (a loaded machine looks the same) until it has been silent for the grace.
            var slow = database.health();
            assertThat(slow.getStatus()).isEqualTo(Status.UP);
            assertThat(slow.getDetails().get("slow")).asString().startsWith("no answer within");
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10)) // the 3 s grace; the pool giving up (5 s) proves nothing either
                    .until(() -> database.health().getStatus().equals(Status.DOWN));
            assertThat(database.health().getDetails().get("error")).asString().startsWith("no answer within");
            mvc.perform(get("/actuator/health"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value("DOWN"));
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable());
            mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        } finally {
            release(held);
        }
    }
}
