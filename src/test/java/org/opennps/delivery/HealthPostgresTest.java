package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opennps.support.OnPostgres;
import org.springframework.boot.health.contributor.Status;

@OnPostgres
class HealthPostgresTest extends HealthTests {

    @Test
    void aBusyPoolWhoseServerAnswersStaysUpAndReady() throws Exception {
        List<Connection> held = holdEveryConnection();
        try {
            long started = System.nanoTime();
            var health = database.health();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // the server answers a connection of its own: the node is busy, not broken
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails().get("pool")).asString().startsWith("no connection within");
            assertThat(took).isLessThan(Duration.ofSeconds(1));
            mvc.perform(get("/actuator/health"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        } finally {
            release(held);
        }
    }
}
