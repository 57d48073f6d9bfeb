package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opennps.support.OnH2;
import org.springframework.boot.health.contributor.Status;

@OnH2
class HealthH2Test extends HealthTests {

    @Test
    void anEmbeddedDatabaseThatGivesNoConnectionIsDownWithinTheBoundNotAfterThePoolTimeout() throws Exception {
        List<Connection> held = holdEveryConnection();
        try {
            // No server to ask past the pool: the pool would make a caller wait its connection
            // timeout, the check gives up first.
            var health = database.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("error")).asString().startsWith("no answer within");
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
