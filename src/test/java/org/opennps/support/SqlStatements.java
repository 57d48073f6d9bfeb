package org.opennps.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application sends, so a test can hold a hot path to a budget of
 * round trips. Every test context's {@link DataSource} is wrapped; a test opens a {@link Recording}
 * around the work it measures and reads what was sent during it, on every thread or on its own.
 *
 * <pre>{@code
 * try (var sql = statements.record()) {
 *     service.doWork();
 *     assertThat(sql.count()).isLessThanOrEqualTo(8);
 * }
 * }</pre>
 *
 * A batch ({@code executeBatch}) counts as one round trip however many rows it carries.
 */
public class SqlStatements implements BeanPostProcessor {

    private final List<Recording> open = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<Interleaving> interleavings = new CopyOnWriteArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource)
                    .name(beanName)
                    .listener(new Listener())
                    .build();
        }
        return bean;
    }

    /** Starts recording the statements sent from now until the recording is closed. */
    public Recording record() {
        Recording recording = new Recording(Thread.currentThread());
        open.add(recording);
        return recording;
    }

    /**
     * Makes the {@code nth} statement from now whose SQL matches fail before it reaches the
     * database, on any thread, as a connection lost mid-transaction would: the transaction it
     * belongs to rolls back. For tests of what a crash leaves behind. Close the fault to disarm it.
     */
    public Fault failOn(Predicate<String> sql, int nth) {
        Fault fault = new Fault(sql, nth);
        faults.add(fault);
        return fault;
    }

    /**
     * Runs {@code action} once, just before the first statement from now whose SQL matches is sent,
     * on the thread sending it: for tests of what another transaction committing at that moment
     * does to the work in progress (e.g. between a claim's unlocked read and its lock). The action
     * must use its own connection, e.g. by running on another thread and being waited for. Close
     * the interleaving to disarm it.
     */
    public Interleaving beforeFirst(Predicate<String> sql, Runnable action) {
        Interleaving interleaving = new Interleaving(sql, action);
        interleavings.add(interleaving);
        return interleaving;
    }

    /** An action run before a statement; see {@link #beforeFirst}. */
    public final class Interleaving implements AutoCloseable {
        private final Predicate<String> sql;
        private final Runnable action;
        private final java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();

        private Interleaving(Predicate<String> sql, Runnable action) {
            this.sql = sql;
            this.action = action;
        }

        /** Whether the action has run. */
        public boolean ran() {
            return ran.get();
        }

        private void check(String query) {
            if (!ran.get() && sql.test(query) && ran.compareAndSet(false, true)) {
                action.run();
            }
        }

        @Override
        public void close() {
            interleavings.remove(this);
        }
    }

    /** A statement that will fail; see {@link #failOn}. */
    public final class Fault implements AutoCloseable {
        private final Predicate<String> sql;
        private final java.util.concurrent.atomic.AtomicInteger left;

        private Fault(Predicate<String> sql, int nth) {
            this.sql = sql;
            this.left = new java.util.concurrent.atomic.AtomicInteger(nth);
        }

        /** Whether the statement has failed. */
        public boolean fired() {
            return left.get() <= 0;
        }

        private void check(String query) {
            if (sql.test(query) && left.decrementAndGet() == 0) {
                throw new org.springframework.dao.DataAccessResourceFailureException(
                        "Simulated loss of the database connection before: " + query);
            }
        }

        @Override
        public void close() {
            faults.remove(this);
        }
    }

    /**
     * One statement as sent: the thread that sent it, its SQL and the values bound to its
     * parameters in order (for a batch, the first statement's).
     */
    public record Statement(String thread, boolean sameThread, String sql, int batchSize, List<Object> parameters) {}

    /** The statements sent while it is open. */
    public final class Recording implements AutoCloseable {
        private final Thread owner;
        private final List<Statement> statements = Collections.synchronizedList(new ArrayList<>());

        private Recording(Thread owner) {
            this.owner = owner;
        }

        /** Round trips on every thread. */
        public int count() {
            return statements().size();
        }

        /** Round trips sent from the thread that opened the recording. */
        public int countOnThisThread() {
            return (int) statements().stream().filter(Statement::sameThread).count();
        }

        /** Round trips whose SQL matches, e.g. to leave out a poller's statements. */
        public int count(Predicate<String> sql) {
            return (int) statements().stream().filter(s -> sql.test(s.sql())).count();
        }

        public List<Statement> statements() {
            synchronized (statements) {
                return List.copyOf(statements);
            }
        }

        /** The statements, one a line, for an assertion message. */
        public String describe() {
            StringBuilder out = new StringBuilder();
            for (Statement s : statements()) {
                out.append(s.thread())
                        .append(s.batchSize() > 1 ? " [batch " + s.batchSize() + "] " : " ")
                        .append(s.sql().replaceAll("\\s+", " "))
                        .append('\n');
            }
            return out.toString();
        }

        @Override
        public void close() {
            open.remove(this);
        }

        private void add(Statement statement) {
            statements.add(statement);
        }
    }

    /** The values set on a statement's positional parameters, in their order (nulls kept). */
    private static List<Object> parameters(QueryInfo query) {
        if (query.getParametersList().isEmpty()) {
            return List.of();
        }
        java.util.TreeMap<Integer, Object> byIndex = new java.util.TreeMap<>();
        for (net.ttddyy.dsproxy.proxy.ParameterSetOperation set :
                query.getParametersList().getFirst()) {
            Object[] args = set.getArgs();
            if (args != null && args.length >= 2 && args[0] instanceof Integer index) {
                byIndex.put(index, args[1]);
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(byIndex.values()));
    }

    private final class Listener implements QueryExecutionListener {
        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            if ((faults.isEmpty() && interleavings.isEmpty()) || queryInfoList.isEmpty()) {
                return;
            }
            String sql = queryInfoList.getFirst().getQuery();
            for (Interleaving interleaving : interleavings) {
                interleaving.check(sql);
            }
            for (Fault fault : faults) {
                fault.check(sql);
            }
        }

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            if (open.isEmpty()) {
                return;
            }
            Thread current = Thread.currentThread();
            String sql = queryInfoList.isEmpty() ? "" : queryInfoList.getFirst().getQuery();
            int batch = execInfo.isBatch() ? Math.max(1, execInfo.getBatchSize()) : 1;
            List<Object> parameters = queryInfoList.isEmpty() ? List.of() : parameters(queryInfoList.getFirst());
            for (Recording recording : open) {
                recording.add(new Statement(current.getName(), current == recording.owner, sql, batch, parameters));
            }
        }
    }
}
