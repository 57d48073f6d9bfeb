package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The database check on its own, against an embedded H2 database and against PostgreSQL pools
 * whose server is gone or hangs (loopback ports this test opens or leaves closed).
 */
class DatabaseHealthTest {

    private static final Duration DIRECT_AFTER = Duration.ofMillis(200);
    /** Every answer not given in time is DOWN at once, as with {@code opennps.health.db-grace=0s}. */
    private static final Duration NO_GRACE = Duration.ZERO;

    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Duration SHORT_DIRECT_AFTER = Duration.ofMillis(20);
    private static final Duration GRACE = Duration.ofSeconds(3);

    @Test
    void aHealthCheckLeavesNoQueryTimeoutOnThePooledConnection() throws Exception {
        var dataSource = new SingleConnectionDataSource("jdbc:h2:mem:health;MODE=PostgreSQL", "sa", "", true);
        dataSource.getConnection().close(); // opened before the check, so only the check is timed
        DatabaseHealth health = new DatabaseHealth(dataSource, Duration.ofSeconds(5), DIRECT_AFTER, NO_GRACE);
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
            DatabaseHealth health = new DatabaseHealth(pool, Duration.ofSeconds(5), DIRECT_AFTER, NO_GRACE);
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
            DatabaseHealth health = new DatabaseHealth(pool, Duration.ofSeconds(1), DIRECT_AFTER, NO_GRACE);
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

    @Test
    void aDatabaseThatIsSlowToHandOutAConnectionStaysUpWithinTheGrace() throws Exception {
        var slow = new SlowDataSource();
        var clock = new AtomicLong();
        DatabaseHealth health =
                new DatabaseHealth(slow, SHORT, SHORT_DIRECT_AFTER, GRACE, Optional.empty(), clock::get);
        try {
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            slow.hold(); // CPU contention or a busy pool: the connection comes, only late
            Health stalled = health.health();
            assertThat(stalled.getStatus()).isEqualTo(Status.UP);
            assertThat(stalled.getDetails().get("slow")).asString().contains("no answer within 200 ms");

            clock.addAndGet(GRACE.toNanos() - 1);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            clock.addAndGet(1); // silent for the whole grace now: as good as hanging
            Health hanging = health.health();
            assertThat(hanging.getStatus()).isEqualTo(Status.DOWN);
            assertThat(hanging.getDetails().get("error")).asString().contains("no answer within 200 ms");

            slow.release(); // the late answer ends the silence
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        } finally {
            slow.release();
            health.destroy();
            slow.close();
        }
    }

    @Test
    void withoutGraceOrWithoutAnEarlierAnswerNoAnswerInTimeIsDown() throws Exception {
        var slow = new SlowDataSource();
        DatabaseHealth noGrace = new DatabaseHealth(slow, SHORT, SHORT_DIRECT_AFTER, NO_GRACE);
        DatabaseHealth neverAnswered =
                new DatabaseHealth(slow, SHORT, SHORT_DIRECT_AFTER, GRACE, Optional.empty(), System::nanoTime);
        try {
            assertThat(noGrace.health().getStatus()).isEqualTo(Status.UP);
            slow.hold();
            assertThat(noGrace.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(neverAnswered.health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            slow.release();
            noGrace.destroy();
            neverAnswered.destroy();
            slow.close();
        }
    }

    @Test
    void aPoolThatGivesUpWaitingIsNotDownWhileTheServerAnswers() throws Exception {
        var slow = new SlowDataSource();
        var server = new FakeServer();
        DatabaseHealth health =
                new DatabaseHealth(slow, SHORT, SHORT_DIRECT_AFTER, GRACE, Optional.of(server), System::nanoTime);
        try {
            // the pool's own wait ran out (a busy pool) before health asked past it
            slow.failWith(new SQLTransientConnectionException("Connection is not available, request timed out"));
            server.answer(DirectDatabaseProbe.Verdict.ANSWERED, "the server answered a connection of its own");
            Health busy = health.health();
            assertThat(busy.getStatus()).isEqualTo(Status.UP);
            assertThat(busy.getDetails().get("pool")).asString().contains("the server answered");

            server.answer(DirectDatabaseProbe.Verdict.GONE, "no connection to the server: connection refused");
            Health gone = health.health();
            assertThat(gone.getStatus()).isEqualTo(Status.DOWN);
            assertThat(gone.getDetails().get("error")).asString().contains("connection refused");
        } finally {
            health.destroy();
            slow.close();
        }
    }

    @Test
    void aDirectAttemptThatTimesOutProvesNothingWhileTheDatabaseAnsweredRecently() throws Exception {
        var slow = new SlowDataSource();
        var server = new FakeServer();
        DatabaseHealth health =
                new DatabaseHealth(slow, SHORT, SHORT_DIRECT_AFTER, GRACE, Optional.of(server), System::nanoTime);
        try {
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            slow.hold();
            // a loaded machine: the direct connection's own read timeout ran out too
            server.answer(DirectDatabaseProbe.Verdict.NO_ANSWER, "no connection to the server: no answer within 1 s");
            Health slowAnswer = health.health();
            assertThat(slowAnswer.getStatus()).isEqualTo(Status.UP);
            assertThat(slowAnswer.getDetails().get("slow")).asString().contains("no answer within 1 s");
        } finally {
            slow.release();
            health.destroy();
            slow.close();
        }
    }

    @Test
    void afterADownAnswerTheServerIsAskedAtOnceNotAfterThePoolHadItsWait() throws Exception {
        var slow = new SlowDataSource();
        var server = new FakeServer();
        Duration longDirectAfter = Duration.ofSeconds(20);
        DatabaseHealth health = new DatabaseHealth(
                slow, Duration.ofSeconds(30), longDirectAfter, GRACE, Optional.of(server), System::nanoTime);
        try {
            // the server died under a pooled connection
            slow.failWith(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

            // now the pool waits for a new connection; the refused port tells at once
            slow.failWith(null);
            slow.hold();
            server.answer(DirectDatabaseProbe.Verdict.GONE, "no connection to the server: connection refused");
            long started = System.nanoTime();
            Health gone = health.health();
            assertThat(gone.getStatus()).isEqualTo(Status.DOWN);
            assertThat(gone.getDetails().get("error")).asString().contains("connection refused");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(longDirectAfter.dividedBy(4));
        } finally {
            slow.release();
            health.destroy();
            slow.close();
        }
    }

    @Test
    void aSelectOneCancelledByAStatementTimeoutIsNoAnswerUpWithinTheGraceAndDownAfterIt() throws Exception {
        var cancelling = new CancellingDataSource();
        var clock = new AtomicLong();
        DatabaseHealth health =
                new DatabaseHealth(cancelling, SHORT, SHORT_DIRECT_AFTER, GRACE, Optional.empty(), clock::get);
        DatabaseHealth neverAnswered =
                new DatabaseHealth(cancelling, SHORT, SHORT_DIRECT_AFTER, GRACE, Optional.empty(), clock::get);
        try {
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            cancelling.cancel(true); // the server's statement_timeout cancels select 1: too slow, not gone
            Health cancelled = health.health();
            assertThat(cancelled.getStatus()).isEqualTo(Status.UP);
            assertThat(cancelled.getDetails().get("slow"))
                    .asString()
                    .contains("the pool check failed without an answer (SQLException)");
            assertThat(neverAnswered.health().getStatus()).isEqualTo(Status.DOWN);

            clock.addAndGet(GRACE.toNanos()); // cancelled for the whole grace: as good as hanging
            Health down = health.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails().get("error"))
                    .asString()
                    .contains("the pool check failed without an answer (SQLException)");

            cancelling.cancel(false);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        } finally {
            health.destroy();
            neverAnswered.destroy();
            cancelling.close();
        }
    }

    /** An H2 database in front of which the test's statements fail as one cancelled by PostgreSQL. */
    private static final class CancellingDataSource extends DelegatingDataSource implements AutoCloseable {

        private volatile boolean cancel;

        CancellingDataSource() {
            super(new SingleConnectionDataSource(
                    "jdbc:h2:mem:cancelled-" + UUID.randomUUID() + ";MODE=PostgreSQL", "sa", "", true));
        }

        void cancel(boolean cancel) {
            this.cancel = cancel;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return proxy(Connection.class, (method, args) -> {
                Object result = method.invoke(connection, args);
                return result instanceof Statement statement
                        ? proxy(Statement.class, (call, callArgs) -> {
                            if (cancel && call.getName().startsWith("execute")) {
                                throw new SQLException("canceling statement due to statement timeout", "57014");
                            }
                            return call.invoke(statement, callArgs);
                        })
                        : result;
            });
        }

        private interface Call {
            Object invoke(Method method, Object[] args) throws Exception;
        }

        private static <T> T proxy(Class<T> type, Call call) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
                try {
                    return call.invoke(method, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }));
        }

        @Override
        public void close() {
            ((SingleConnectionDataSource) getTargetDataSource()).destroy();
        }
    }

    /** An H2 database whose connections can be held back or refused by the pool in front of it. */
    private static final class SlowDataSource extends DelegatingDataSource implements AutoCloseable {

        private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
        private volatile SQLException failure;

        SlowDataSource() {
            super(new SingleConnectionDataSource(
                    "jdbc:h2:mem:slow-" + UUID.randomUUID() + ";MODE=PostgreSQL", "sa", "", true));
        }

        void hold() {
            gate = new CompletableFuture<>();
        }

        void release() {
            gate.complete(null);
        }

        void failWith(SQLException e) {
            failure = e;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (failure != null) {
                throw failure;
            }
            gate.join();
            return super.getConnection();
        }

        @Override
        public void close() {
            ((SingleConnectionDataSource) getTargetDataSource()).destroy();
        }
    }

    /** The direct attempt past the pool, answering what the test says. */
    private static final class FakeServer implements DatabaseHealth.PastThePool {

        private volatile CompletableFuture<DirectDatabaseProbe.Answer> answer = new CompletableFuture<>();

        void answer(DirectDatabaseProbe.Verdict verdict, String detail) {
            answer = CompletableFuture.completedFuture(
                    new DirectDatabaseProbe.Answer(verdict, detail, System.nanoTime()));
        }

        @Override
        public Optional<CompletableFuture<DirectDatabaseProbe.Answer>> current() {
            return Optional.of(answer);
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
