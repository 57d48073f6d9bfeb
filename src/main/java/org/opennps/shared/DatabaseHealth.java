package org.opennps.shared;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
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
 * {@code opennps.health.db-timeout} (1 s): a database that hangs answers {@code DOWN} in time
 * instead of holding the request thread. A pool whose server is gone does not fail, it waits
 * for a new connection; so on PostgreSQL, when the pool check has not answered within
 * {@code opennps.health.db-direct-after} (200 ms), a {@link DirectDatabaseProbe} connects past
 * the pool: refused means {@code DOWN} at once, an answer means the server is there and the pool
 * only busy ({@code UP}). A check still running is shared by the calls that arrive meanwhile,
 * and at most a few threads can ever be stuck in checks, so probes cannot pile up threads.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

    private static final int MAX_STUCK_CHECKS = 3;

    private final DataSource dataSource;
    private final Duration timeout;
    private final Duration directAfter;
    private final Optional<DirectDatabaseProbe> direct;
    private final ThreadPoolExecutor checks;
    private CompletableFuture<Health> running;
    private long runningSince;

    DatabaseHealth(
            DataSource dataSource,
            @Value("${opennps.health.db-timeout:1s}") Duration timeout,
            @Value("${opennps.health.db-direct-after:200ms}") Duration directAfter) {
        this.dataSource = dataSource;
        this.timeout = timeout;
        this.directAfter = directAfter;
        this.direct = DirectDatabaseProbe.of(dataSource, timeout);
        this.checks = new ThreadPoolExecutor(
                0, MAX_STUCK_CHECKS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "health-db");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public Health health() {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<Health> check;
        long since;
        synchronized (this) {
            try {
                check = current();
            } catch (RejectedExecutionException e) {
                return Health.down()
                        .withDetail("error", "earlier checks still hang")
                        .build();
            }
            since = runningSince;
        }
        try {
            Health pastThePool = direct.isPresent() ? askPastAStuckPool(check, since, deadline) : null;
            if (pastThePool != null) {
                return pastThePool;
            }
            waitFor(check, deadline);
            if (!check.isDone()) {
                return Health.down()
                        .withDetail("error", "no answer within " + timeout.toMillis() + " ms")
                        .build();
            }
            return outcome(check);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    /**
     * What the server says past the pool once the pool check has waited {@code db-direct-after}
     * (for this call or, shared, for an earlier one); {@code null} when the pool check answers
     * first or no direct attempt can be made, so the pool check decides.
     */
    private Health askPastAStuckPool(CompletableFuture<Health> check, long since, long deadline)
            throws InterruptedException {
        waitFor(check, Math.min(since + directAfter.toNanos(), deadline));
        if (check.isDone()) {
            return null;
        }
        Optional<CompletableFuture<DirectDatabaseProbe.Answer>> answer =
                direct.get().current();
        if (answer.isEmpty()) {
            return null;
        }
        CompletableFuture<DirectDatabaseProbe.Answer> server = answer.get();
        waitFor(CompletableFuture.anyOf(check, server), deadline);
        boolean serverFirst = !check.isDone() && server.isDone() && !server.isCompletedExceptionally();
        return serverFirst ? pastThePool(server.join()) : null;
    }

    /** The check in progress, or a new one; one that hung for ten timeouts is given up on. */
    private CompletableFuture<Health> current() {
        long now = System.nanoTime();
        if (running == null
                || running.isDone()
                || now - runningSince > timeout.multipliedBy(10).toNanos()) {
            running = CompletableFuture.supplyAsync(this::check, checks);
            runningSince = now;
        }
        return running;
    }

    private static void waitFor(CompletableFuture<?> future, long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            future.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException | CancellationException e) {
            // the caller looks at what is done by now
        }
    }

    private static Health outcome(CompletableFuture<Health> check) {
        try {
            return check.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return Health.down()
                    .withDetail("error", cause.getClass().getSimpleName())
                    .build();
        }
    }

    private Health pastThePool(DirectDatabaseProbe.Answer answer) {
        if (!answer.reachable()) {
            return Health.down().withDetail("error", answer.detail()).build();
        }
        return Health.up()
                .withDetail("database", "PostgreSQL")
                .withDetail("pool", "no connection within " + directAfter.toMillis() + " ms; " + answer.detail())
                .build();
    }

    private Health check() {
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
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
        direct.ifPresent(DirectDatabaseProbe::close);
    }
}
