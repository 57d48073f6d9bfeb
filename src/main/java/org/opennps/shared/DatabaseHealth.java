package org.opennps.shared;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database decides whether this node is healthy ({@code db} in {@code /actuator/health}
 * and the readiness group). The check (a connection from the pool and {@code select 1} with a
 * query timeout) runs on a thread of its own and the health call waits for it at most
 * {@code opennps.health.db-timeout} (1 s): a database that hangs, or a pool with no free
 * connection, answers {@code DOWN} in time instead of holding the request thread. A check
 * still running is shared by the calls that arrive meanwhile, and at most a few threads can
 * ever be stuck in checks, so probes cannot pile up threads.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

    private static final int MAX_STUCK_CHECKS = 3;

    private final DataSource dataSource;
    private final Duration timeout;
    private final ThreadPoolExecutor checks;
    private Future<Health> running;
    private long runningSince;

    DatabaseHealth(DataSource dataSource, @Value("${opennps.health.db-timeout:1s}") Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
        this.checks = new ThreadPoolExecutor(
                0, MAX_STUCK_CHECKS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "health-db");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public Health health() {
        Future<Health> check;
        try {
            check = current();
        } catch (RejectedExecutionException e) {
            return Health.down()
                    .withDetail("error", "earlier checks still hang")
                    .build();
        }
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down()
                    .withDetail("error", "no answer within " + timeout.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down()
                    .withDetail("error", e.getCause().getClass().getSimpleName())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    /** The check in progress, or a new one; one that hung for ten timeouts is given up on. */
    private synchronized Future<Health> current() {
        long now = System.nanoTime();
        if (running == null
                || running.isDone()
                || now - runningSince > timeout.multipliedBy(10).toNanos()) {
            running = checks.submit(this::check);
            runningSince = now;
        }
        return running;
    }

    private Health check() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try {
                statement.execute("select 1");
            } finally {
                // H2 keeps a statement's query timeout on its session: left set, every later
                // statement on this pooled connection (an import's chunk) would be cancelled
                statement.setQueryTimeout(0);
            }
            return Health.up()
                    .withDetail("database", connection.getMetaData().getDatabaseProductName())
                    .build();
        }
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
