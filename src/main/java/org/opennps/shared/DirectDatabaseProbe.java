package org.opennps.shared;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Asks the PostgreSQL server behind the pool whether it takes connections, past the pool: one
 * connection of its own, with connect and read timeouts as long as the health check's wait.
 * When the server is gone the pool does not fail but waits for a new connection (its connection
 * timeout), so only this attempt can tell a vanished server (refused in milliseconds) from a
 * pool that is merely busy (the server answers); an attempt that times out proves neither (on a
 * machine short of CPU a healthy server can be that slow). One attempt runs at a time; its answer also
 * serves the calls of the next {@link #REUSE}, so frequent probes open few connections, and a
 * handful of threads at most can ever wait in attempts.
 */
final class DirectDatabaseProbe implements DatabaseHealth.PastThePool {

    /** How long an answer serves later calls before a new attempt is made. */
    static final Duration REUSE = Duration.ofMillis(250);

    /** PostgreSQL's "too many connections": the server is there and answering, only full. */
    private static final String TOO_MANY_CONNECTIONS = "53300";

    private static final int MAX_STUCK_ATTEMPTS = 2;

    /**
     * What one attempt found: the server {@code answered} (it is there), is {@code gone} (refused or
     * failed: {@code DOWN}), or gave {@code no answer} in time, which on a loaded machine can also
     * be a server that is only slow and so proves nothing; {@code at} is its {@link System#nanoTime()}.
     */
    record Answer(Verdict verdict, String detail, long at) {

        boolean reachable() {
            return verdict == Verdict.ANSWERED;
        }
    }

    enum Verdict {
        ANSWERED,
        GONE,
        NO_ANSWER
    }

    private final DriverDataSource server;
    private final Duration timeout;
    private final long socketSeconds;
    private final ThreadPoolExecutor attempts;
    private CompletableFuture<Answer> last;
    private long lastStarted;

    private DirectDatabaseProbe(DriverDataSource server, Duration timeout, long socketSeconds) {
        this.server = server;
        this.timeout = timeout;
        this.socketSeconds = socketSeconds;
        this.attempts = new ThreadPoolExecutor(
                0, MAX_STUCK_ATTEMPTS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "health-db-direct");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * A probe for a pool of PostgreSQL connections; none for anything else (an embedded H2
     * database has no server that could vanish apart from this process).
     */
    static Optional<DirectDatabaseProbe> of(DataSource dataSource, Duration timeout) {
        HikariDataSource pool;
        try {
            if (!dataSource.isWrapperFor(HikariDataSource.class)) {
                return Optional.empty();
            }
            pool = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            return Optional.empty();
        }
        String url = pool.getJdbcUrl();
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        // the driver counts these in whole seconds; 0 would mean no timeout at all
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        properties.setProperty("connectTimeout", Long.toString(seconds));
        properties.setProperty("socketTimeout", Long.toString(seconds));
        properties.setProperty("ApplicationName", "opennps health");
        var server = new DriverDataSource(
                url, pool.getDriverClassName(), properties, pool.getUsername(), pool.getPassword());
        return Optional.of(new DirectDatabaseProbe(server, timeout, seconds));
    }

    /** The attempt in progress or answered within {@link #REUSE}, or a new one; empty if none can start. */
    @Override
    public synchronized Optional<CompletableFuture<Answer>> current() {
        long now = System.nanoTime();
        boolean fresh = last != null
                && (last.isDone()
                        ? !last.isCompletedExceptionally() && now - last.join().at() < REUSE.toNanos()
                        : now - lastStarted < timeout.multipliedBy(10).toNanos());
        if (!fresh) {
            try {
                last = CompletableFuture.supplyAsync(this::attempt, attempts);
                lastStarted = now;
            } catch (RejectedExecutionException e) {
                return Optional.empty();
            }
        }
        return Optional.of(last);
    }

    private Answer attempt() {
        try (Connection connection = server.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("select 1");
            return new Answer(Verdict.ANSWERED, "the server answered a connection of its own", System.nanoTime());
        } catch (SQLException e) {
            if (TOO_MANY_CONNECTIONS.equals(e.getSQLState())) {
                return new Answer(
                        Verdict.ANSWERED, "the server answered but takes no more connections", System.nanoTime());
            }
            return failed(e);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private Answer failed(Exception e) {
        Verdict verdict = timedOut(e) ? Verdict.NO_ANSWER : Verdict.GONE;
        return new Answer(verdict, "no connection to the server: " + reason(e), System.nanoTime());
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private String reason(Exception e) {
        if (timedOut(e)) {
            return "no answer within " + socketSeconds + " s";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return t.getMessage() == null
                        ? "connection refused"
                        : t.getMessage().toLowerCase(Locale.ROOT);
            }
        }
        return e instanceof SQLException sql && sql.getSQLState() != null
                ? "SQL state " + sql.getSQLState()
                : e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        attempts.shutdownNow();
    }
}
