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
    void anEmbeddedDatabaseThatGivesNoConnectionIsDownOnceTheTimeoutPassedNotAfterThePoolTimeout() throws Exception {
        assertThat(database.health().getStatus()).isEqualTo(Status.UP);
        List<Connection> held = holdEveryConnection();
        try {
            // No server to ask past the pool: the pool would make a caller wait its connection
            // timeout (5 s), the check gives up after db-timeout (1 s); with the default grace
            // (as long as that timeout) the database has then been silent for the grace: DOWN.
            long started = System.nanoTime();
            assertThat(database.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
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
