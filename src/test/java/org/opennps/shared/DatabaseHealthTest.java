package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The database check on its own, against an embedded H2 database and against PostgreSQL pools
 * whose server is gone or hangs (loopback ports this test opens or leaves closed).
 */
class DatabaseHealthTest {

    private static final Duration DIRECT_AFTER = Duration.ofMillis(200);

    @Test
    void aHealthCheckLeavesNoQueryTimeoutOnThePooledConnection() throws Exception {
        var dataSource = new SingleConnectionDataSource("jdbc:h2:mem:health;MODE=PostgreSQL", "sa", "", true);
        dataSource.getConnection().close(); // opened before the check, so only the check is timed
        DatabaseHealth health = new DatabaseHealth(dataSource, Duration.ofSeconds(5), DIRECT_AFTER);
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

    @Test
    void aServerThatIsGoneIsDownAtOnceNotWhenTheWaitRunsOut() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        // a pool that waits for a connection, as one does whose server went away under it
        try (HikariDataSource pool = pool(closedPort)) {
            DatabaseHealth health = new DatabaseHealth(pool, Duration.ofSeconds(5), DIRECT_AFTER);
            try {
                long started = System.nanoTime();
                Health answer = health.health();
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
                assertThat(answer.getDetails().get("error")).asString().contains("connection refused");
                // told by the refused port, long before the 5 s the check may wait
                assertThat(took).isLessThan(Duration.ofMillis(2500));
            } finally {
                health.destroy();
            }
        }
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersIsDownWhenTheWaitRunsOutWithoutPilingUpProbes() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                HikariDataSource pool = pool(silent.getLocalPort())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // and never a byte back
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            DatabaseHealth health = new DatabaseHealth(pool, Duration.ofSeconds(1), DIRECT_AFTER);
            try (var callers = Executors.newFixedThreadPool(20)) {
                long started = System.nanoTime();
                List<Future<Health>> answers = new CopyOnWriteArrayList<>();
                for (int i = 0; i < 20; i++) {
                    answers.add(callers.submit(() -> health.health()));
                }
                for (Future<Health> answer : answers) {
                    assertThat(answer.get().getStatus()).isEqualTo(Status.DOWN);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
                // 20 calls at once share one pool check and one direct attempt
                assertThat(Thread.getAllStackTraces().keySet().stream()
                                .filter(t -> t.getName().startsWith("health-db")))
                        .hasSizeLessThanOrEqualTo(5);
                assertThat(accepted).hasSizeLessThanOrEqualTo(4);
            } finally {
                health.destroy();
                silent.close();
                for (Socket socket : accepted) {
                    socket.close();
                }
                acceptor.join();
            }
        }
    }

    private static HikariDataSource pool(int port) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/opennps");
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(2);
        pool.setConnectionTimeout(30_000);
        pool.setInitializationFailTimeout(-1); // starts without a connection, like a pool whose server left later
        return pool;
    }
}
