package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class DatabaseHealthTest {

    @Test
    void aHealthCheckLeavesNoQueryTimeoutOnThePooledConnection() throws Exception {
        var dataSource = new SingleConnectionDataSource("jdbc:h2:mem:health;MODE=PostgreSQL", "sa", "", true);
        dataSource.getConnection().close(); // opened before the check, so only the check is timed
        DatabaseHealth health = new DatabaseHealth(dataSource, Duration.ofSeconds(5));
        try {
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            // the same connection, as the pool hands it to the next caller
            String timeout = new JdbcTemplate(dataSource)
                    .queryForObject(
                            "select setting_value from information_schema.settings where setting_name = 'QUERY_TIMEOUT'",
                            String.class);
            assertThat(timeout).isEqualTo("0");
        } finally {
            health.destroy();
            dataSource.destroy();
        }
    }
}
