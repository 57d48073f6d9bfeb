package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;

/**
 * Health that tells the truth: the database decides, within a bounded wait even when no
 * connection can be had (what an exhausted pool means differs: see the subclasses); SMTP is
 * reported from a background check and never takes the node down. H2 and PostgreSQL.
 */
abstract class HealthTests extends ApiTestBase {

    @Autowired
    DataSource dataSource;

    @Autowired
    @Qualifier("dbHealthIndicator")
    HealthIndicator database;

    @Autowired
    SmtpHealth smtp;

    @Autowired
    ApplicationContext context;

    @Test
    void healthyNodeIsUpLiveAndReady() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        assertThat(database.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aRequestWaitsAtMostFiveSecondsForAConnection() throws Exception {
        // during an outage the pool waits this long for a connection before a request gets its 503
        assertThat(dataSource.unwrap(HikariDataSource.class).getConnectionTimeout())
                .isEqualTo(5000);
    }

    /** Every connection of the pool, held until {@link #release}. */
    List<Connection> holdEveryConnection() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
            held.add(pool.getConnection());
        }
        return held;
    }

    void release(List<Connection> held) throws Exception {
        for (Connection c : held) {
            c.close();
        }
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(40))
                .until(() -> database.health().getStatus().equals(Status.UP));
    }

    @Test
    void unreachableSmtpIsReportedButLeavesTheNodeUpAndReady() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try {
            assertThat(smtp.probe("127.0.0.1", closedPort).getStatus()).isEqualTo(SmtpHealth.DEGRADED);
            assertThat(smtp.health().getStatus()).isEqualTo(SmtpHealth.DEGRADED);
            mvc.perform(get("/actuator/health"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        } finally {
            smtp.refresh();
        }
        assertThat(smtp.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void noHealthCheckOpensSmtpOnTheRequestThread() {
        assertThat(context.getBeansOfType(org.springframework.boot.mail.health.MailHealthIndicator.class))
                .isEmpty();
    }
}
