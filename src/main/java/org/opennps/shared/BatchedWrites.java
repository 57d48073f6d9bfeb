package org.opennps.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Row writes that a batch of work makes in one transaction, sent to the database together.
 * Inside {@link #collecting} each {@link #update} is held back and, at the end of the scope
 * (still inside the transaction) or at {@link #flush}, the rows of each statement go as one JDBC
 * batch: one round trip for a hundred inserts instead of a hundred. Statements are sent in the
 * order each was first used, their rows in the order they were added, so two statements that
 * write the same row may not keep their order: write a row through one of them only. Outside a
 * scope an update runs at once, so code that writes this way behaves as before when no batch is
 * running.
 *
 * <p>A held-back write is not yet visible to reads in the same transaction: the scope's owner
 * flushes before anything reads what the batch may have written, and writes through here only
 * what needs no answer (no row count, no conflict outcome). Since every held write is sent before
 * the transaction commits, a crash or rollback loses all of them together with the rest of the
 * transaction: what the transaction promises does not change.
 */
@Component
public class BatchedWrites {

    private final JdbcTemplate jdbc;
    private final ThreadLocal<Pending> pending = new ThreadLocal<>();

    public BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs {@code work} with this thread's writes held back, then sends them. Must run inside a
     * transaction (the writes commit or roll back with it); scopes do not nest.
     */
    public <T> T collecting(Supplier<T> work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("batched writes need a transaction to send them in");
        }
        if (pending.get() != null) {
            throw new IllegalStateException("batched writes are already being collected on this thread");
        }
        Pending writes = new Pending();
        pending.set(writes);
        try {
            T result = work.get();
            writes.send(jdbc);
            return result;
        } finally {
            pending.remove();
        }
    }

    /**
     * Throws unless a transaction is open on this thread: for methods that a batch calls once per
     * item and that write in the batch's transaction rather than opening or joining one each.
     */
    public static void requireTransaction(String what) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(what + " needs the caller's transaction");
        }
    }

    /** Runs the update now, or holds it back for the batch when a scope is open on this thread. */
    public void update(String sql, Object... args) {
        Pending writes = pending.get();
        if (writes == null) {
            jdbc.update(sql, args);
        } else {
            writes.add(sql, args);
        }
    }

    /** Sends what the open scope holds back so far (nothing when none is open). */
    public void flush() {
        Pending writes = pending.get();
        if (writes != null) {
            writes.send(jdbc);
        }
    }

    /** Whether a scope is open on this thread, i.e. whether {@link #update} holds writes back. */
    public boolean collecting() {
        return pending.get() != null;
    }

    /** How many writes the open scope holds back (0 when none is open). */
    public int held() {
        Pending writes = pending.get();
        return writes == null ? 0 : writes.size();
    }

    private static final class Pending {
        private final Map<String, List<Object[]>> rowsBySql = new LinkedHashMap<>();

        void add(String sql, Object[] args) {
            rowsBySql.computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
        }

        int size() {
            return rowsBySql.values().stream().mapToInt(List::size).sum();
        }

        void send(JdbcTemplate jdbc) {
            for (Map.Entry<String, List<Object[]>> entry : rowsBySql.entrySet()) {
                if (entry.getValue().size() == 1) {
                    jdbc.update(entry.getKey(), entry.getValue().getFirst());
                } else {
                    jdbc.batchUpdate(entry.getKey(), entry.getValue());
                }
            }
            rowsBySql.clear();
        }
    }
}
