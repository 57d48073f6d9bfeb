package org.opennps.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The database decides whether this node is healthy ({@code db} in {@code /actuator/health}
 * and the readiness group). The check (a connection from the pool and {@code select 1} with a
 * query timeout) runs on a thread of its own and the health call waits for it at most
 * {@code opennps.health.db-timeout} (1 s), so the call never holds the request thread for
 * long. A pool whose server is gone does not fail, it waits for a new connection; so on
 * PostgreSQL, when the pool check has not answered within {@code opennps.health.db-direct-after}
 * (200 ms), a {@link DirectDatabaseProbe} connects past the pool: refused means {@code DOWN} at
 * once, an answer means the server is there and the pool only busy ({@code UP}).
 *
 * <p>Only an answer decides. No answer in time (the pool still waiting or timing out on a
 * busy pool, the query cancelled by its own timeout, the direct attempt not answered) is what a
 * database that hangs looks like, but also what a healthy one looks like on a machine short of
 * CPU; so it keeps the last answer while the database has been silent for less than {@code
 * opennps.health.db-grace} (1 s by default, as long as the timeout, so a check that times out is {@code DOWN}), and is {@code DOWN} after that (or at once when there never
 * was an {@code UP} answer). A check still running is shared by the calls that arrive meanwhile,
 * and at most a few threads can ever be stuck in checks, so probes cannot pile up threads.
 * Changes between {@code UP} and {@code DOWN} are logged with what decided them.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);

    private static final int MAX_STUCK_CHECKS = 3;

    /**
     * PostgreSQL's query_canceled: "canceling statement due to user request" when the query
     * timeout cancels it, "… due to statement timeout" when the server's statement_timeout does.
     */
    private static final String QUERY_CANCELED = "57014";

    /** Asks the database past the pool; see {@link DirectDatabaseProbe}. */
    interface PastThePool {

        /** The attempt in progress or recently answered, or a new one; empty if none can start. */
        Optional<CompletableFuture<DirectDatabaseProbe.Answer>> current();

        default void close() {}
    }

    private final DataSource dataSource;
    private final Duration timeout;
    private final Duration directAfter;
    private final Duration grace;
    private final Optional<PastThePool> direct;
    private final LongSupplier clock;
    private final ThreadPoolExecutor checks;
    private CompletableFuture<Health> running;
    private long runningSince;

    /** The last answer (pool check or direct attempt). */
    private Health lastAnswer;

    /** When (on {@code clock}) the running check began. */
    private long runningBegun;

    /** Whether a check or attempt is waiting for the database since the last answer, and since when. */
    private boolean silent;

    private long silentSince;

    private Status lastReported;

    @Autowired
    DatabaseHealth(
            DataSource dataSource,
            @Value("${opennps.health.db-timeout:1s}") Duration timeout,
            @Value("${opennps.health.db-direct-after:200ms}") Duration directAfter,
            @Value("${opennps.health.db-grace:1s}") Duration grace) {
        this(
                dataSource,
                timeout,
                directAfter,
                grace,
                DirectDatabaseProbe.of(dataSource, timeout).map(PastThePool.class::cast),
                System::nanoTime);
    }

    /** With a given probe past the pool and a clock (nanoseconds) that measures the silence. */
    DatabaseHealth(
            DataSource dataSource,
            Duration timeout,
            Duration directAfter,
            Duration grace,
            Optional<PastThePool> direct,
            LongSupplier clock) {
        this.dataSource = dataSource;
        this.timeout = timeout;
        this.directAfter = directAfter;
        this.grace = grace;
        this.direct = direct;
        this.clock = clock;
        this.checks = new ThreadPoolExecutor(
                0, MAX_STUCK_CHECKS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "health-db");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public Health health() {
        Health health = decide();
        report(health);
        return health;
    }

    private Health decide() {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<Health> check;
        long since;
        boolean wasDown;
        synchronized (this) {
            try {
                check = current();
            } catch (RejectedExecutionException e) {
                return noAnswer("earlier checks still hang");
            }
            since = runningSince;
            wasDown = lastAnswer != null && lastAnswer.getStatus().equals(Status.DOWN);
        }
        try {
            Optional<CompletableFuture<DirectDatabaseProbe.Answer>> server = Optional.empty();
            if (direct.isPresent()) {
                // the pool check alone, for db-direct-after (counted from when it started); after
                // a DOWN answer the pool is suspect (its server may be gone) and the server is
                // asked at once
                waitFor(check, wasDown ? since : Math.min(since + directAfter.toNanos(), deadline));
                Health fromPool = fromPool(check);
                if (fromPool != null) {
                    return answered(fromPool, check);
                }
                server = direct.get().current();
                server.ifPresent(answer -> answer.thenAccept(this::heard));
            }
            while (true) {
                Health fromPool = fromPool(check);
                if (fromPool != null && fromPool.getStatus().equals(Status.UP)) {
                    return answered(fromPool, check);
                }
                Health fromServer = server.filter(CompletableFuture::isDone)
                        .map(answer -> fromServer(answer.join()))
                        .orElse(null);
                if (fromServer != null) {
                    return answered(fromServer, null);
                }
                if (fromPool != null) {
                    return answered(fromPool, check);
                }
                List<CompletableFuture<?>> pending = new ArrayList<>();
                if (!check.isDone()) {
                    pending.add(check);
                }
                server.filter(answer -> !answer.isDone()).ifPresent(pending::add);
                if (pending.isEmpty() || System.nanoTime() - deadline >= 0) {
                    return noAnswer(why(check, server));
                }
                waitFor(CompletableFuture.anyOf(pending.toArray(CompletableFuture[]::new)), deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    /** An answer this call decides by, remembered at once (the check's own callback may come later). */
    private Health answered(Health answer, CompletableFuture<Health> from) {
        heard(answer, from);
        return answer;
    }

    /** The check in progress, or a new one; one that hung for ten timeouts is given up on. */
    private CompletableFuture<Health> current() {
        long now = System.nanoTime();
        if (running == null
                || running.isDone()
                || now - runningSince > timeout.multipliedBy(10).toNanos()) {
            long started = clock.getAsLong();
            CompletableFuture<Health> check = CompletableFuture.supplyAsync(this::check, checks);
            running = check;
            runningSince = now;
            runningBegun = started;
            if (!silent) {
                silent = true;
                silentSince = started;
            }
            check.whenComplete((health, failure) -> {
                Health answer = failure == null ? health : conclusiveFailure(failure);
                if (answer != null) {
                    heard(answer, check);
                }
            });
        }
        return running;
    }

    private void heard(DirectDatabaseProbe.Answer answer) {
        Health health = fromServer(answer);
        if (health != null) {
            heard(health, null);
        }
    }

    /**
     * The database answered ({@code from} a pool check, or from a direct attempt when null):
     * remember the answer. The silence ends, unless a later pool check began since: then it
     * counts from when that one began (or from now, for a direct answer while a check waits).
     * A later check that has already ended without an answer is newer news than this one, whose
     * completion callback may run that late on a busy machine: it does not end the silence.
     */
    private synchronized void heard(Health answer, CompletableFuture<Health> from) {
        lastAnswer = answer;
        if (!silent) {
            return;
        }
        if (running == null || running == from || (from == null && running.isDone())) {
            silent = false;
        } else if (from == null) {
            silentSince = clock.getAsLong();
        } else {
            silentSince = runningBegun;
        }
    }

    /**
     * No answer in time: the last answer while the database has been silent for less than the
     * grace, else {@code DOWN}.
     */
    private synchronized Health noAnswer(String why) {
        long silentFor = silent ? clock.getAsLong() - silentSince : 0;
        if (lastAnswer != null && lastAnswer.getStatus().equals(Status.UP) && silentFor < grace.toNanos()) {
            return Health.up()
                    .withDetails(lastAnswer.getDetails())
                    .withDetail(
                            "slow",
                            why + "; silent for " + TimeUnit.NANOSECONDS.toMillis(silentFor) + " ms, "
                                    + grace.toMillis() + " ms allowed")
                    .build();
        }
        return Health.down().withDetail("error", why).build();
    }

    private String why(
            CompletableFuture<Health> check, Optional<CompletableFuture<DirectDatabaseProbe.Answer>> server) {
        String pool = check.isDone()
                ? "the pool check failed without an answer (" + failureName(check) + ")"
                : "no answer within " + timeout.toMillis() + " ms";
        return server.filter(CompletableFuture::isDone)
                .map(answer -> pool + "; " + answer.join().detail())
                .orElse(pool);
    }

    /** The pool check's answer if it has one: {@code UP}, or {@code DOWN} from a failure that is one. */
    private static Health fromPool(CompletableFuture<Health> check) {
        if (!check.isDone()) {
            return null;
        }
        try {
            return check.join();
        } catch (CompletionException | CancellationException e) {
            return conclusiveFailure(e);
        }
    }

    /**
     * {@code DOWN} for a failure that comes from the database (a refused or broken connection,
     * an error); {@code null} for one that only says it did not answer in time: the pool had no
     * connection to hand out within its wait, or the query timeout cancelled {@code select 1}.
     */
    private static Health conclusiveFailure(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof SQLTransientConnectionException
                || cause instanceof SQLTimeoutException
                || cause instanceof CancellationException
                || (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState()))) {
            return null;
        }
        return Health.down()
                .withDetail("error", cause.getClass().getSimpleName())
                .build();
    }

    private static String failureName(CompletableFuture<Health> check) {
        try {
            check.join();
            return "none";
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return cause.getClass().getSimpleName();
        }
    }

    /** The direct attempt's answer if it has one: {@code UP} when the server answered, {@code DOWN} when gone. */
    private Health fromServer(DirectDatabaseProbe.Answer answer) {
        return switch (answer.verdict()) {
            case ANSWERED ->
                Health.up()
                        .withDetail("database", "PostgreSQL")
                        .withDetail(
                                "pool", "no connection within " + directAfter.toMillis() + " ms; " + answer.detail())
                        .build();
            case GONE -> Health.down().withDetail("error", answer.detail()).build();
            case NO_ANSWER -> null;
        };
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

    /** Logs a change between UP and DOWN with what decided it, once per change. */
    private void report(Health health) {
        Status status = health.getStatus();
        Status before;
        synchronized (this) {
            before = lastReported;
            lastReported = status;
        }
        if (before == null || before.equals(status)) {
            return;
        }
        if (status.equals(Status.DOWN)) {
            log.warn("Database health DOWN: {}", health.getDetails());
        } else {
            log.info("Database health {}: {}", status, health.getDetails());
        }
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
        direct.ifPresent(PastThePool::close);
    }
}
