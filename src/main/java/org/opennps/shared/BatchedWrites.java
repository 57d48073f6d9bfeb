package org.opennps.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * <p>On PostgreSQL the rows of an {@code insert … values (…)} go {@value #ROWS_PER_INSERT} to a
 * statement ({@code values (…), (…), …}) and the rest as a JDBC batch: PostgreSQL spends most of a
 * small insert on starting and ending the statement, not on the row, and a batch still runs one
 * statement per row (in one 100,000-journey burst, a fifth of the CPU per journey). H2, which has
 * no round trips to save, gets the plain batch.
 *
 * <p>A held-back write is not yet visible to reads in the same transaction: the scope's owner
 * flushes before anything reads what the batch may have written, and writes through here only
 * what needs no answer (no row count, no conflict outcome). Since every held write is sent before
 * the transaction commits, a crash or rollback loses all of them together with the rest of the
 * transaction: what the transaction promises does not change.
 */
@Component
public class BatchedWrites {

    /** Rows per multi-row insert on PostgreSQL (a statement's parameters stay far below its limit). */
    static final int ROWS_PER_INSERT = 32;

    private final JdbcTemplate jdbc;
    private final ThreadLocal<Pending> pending = new ThreadLocal<>();
    private final DatabaseProduct database;

    public BatchedWrites(JdbcTemplate jdbc, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * Runs {@code work} with this thread's writes held back, then sends them. Must run inside a
     * transaction (the writes commit or roll back with it); scopes do not nest.
     */
    public <T> T collecting(Supplier<T> work) {
        requireTransaction("sending batched writes");
        if (pending.get() != null) {
            throw new IllegalStateException("batched writes are already being collected on this thread");
        }
        Pending writes = new Pending();
        pending.set(writes);
        try {
            T result = work.get();
            writes.send(jdbc, database.postgres());
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
            writes.send(jdbc, database.postgres());
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

    /**
     * The multi-row form of an {@code insert into t (…) values (…) [on conflict do nothing]} with
     * {@code rows} rows, or null for any other statement.
     */
    static String multiRow(String sql, int rows) {
        Matcher m = SINGLE_ROW_INSERT.matcher(sql);
        if (!m.matches()) {
            return null;
        }
        StringBuilder out = new StringBuilder(sql.length() + rows * (m.group(2).length() + 2)).append(m.group(1));
        for (int i = 0; i < rows; i++) {
            out.append(i == 0 ? "" : ", ").append(m.group(2));
        }
        return out.append(m.group(3) == null ? "" : m.group(3)).toString();
    }

    /** {@code insert into … (…) values} · one row's {@code (…)} · an optional {@code on conflict do nothing}. */
    private static final Pattern SINGLE_ROW_INSERT = Pattern.compile(
            "(?is)(\\s*insert\\s+into\\s+[\\w.]+\\s*\\([^()]*\\)\\s*values\\s*)(\\([^;]*\\))(\\s+on\\s+conflict\\s+do\\s+nothing\\s*)?");

    private static final Map<String, Optional<String>> MULTI_ROW = new ConcurrentHashMap<>();

    private static final class Pending {
        private final Map<String, List<Object[]>> rowsBySql = new LinkedHashMap<>();

        void add(String sql, Object[] args) {
            rowsBySql.computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
        }

        int size() {
            return rowsBySql.values().stream().mapToInt(List::size).sum();
        }

        void send(JdbcTemplate jdbc, boolean multiRowInserts) {
            for (Map.Entry<String, List<Object[]>> entry : rowsBySql.entrySet()) {
                String sql = entry.getKey();
                List<Object[]> rows = entry.getValue();
                int sent = 0;
                if (multiRowInserts && rows.size() >= ROWS_PER_INSERT) {
                    Optional<String> many =
                            MULTI_ROW.computeIfAbsent(sql, s -> Optional.ofNullable(multiRow(s, ROWS_PER_INSERT)));
                    if (many.isPresent()) {
                        for (; rows.size() - sent >= ROWS_PER_INSERT; sent += ROWS_PER_INSERT) {
                            jdbc.update(many.get(), flattened(rows.subList(sent, sent + ROWS_PER_INSERT)));
                        }
                    }
                }
                List<Object[]> rest = rows.subList(sent, rows.size());
                if (rest.size() == 1) {
                    jdbc.update(sql, rest.getFirst());
                } else if (!rest.isEmpty()) {
                    jdbc.batchUpdate(sql, rest);
                }
            }
            rowsBySql.clear();
        }

        private static Object[] flattened(List<Object[]> rows) {
            Object[] all = new Object[rows.stream().mapToInt(r -> r.length).sum()];
            int at = 0;
            for (Object[] row : rows) {
                System.arraycopy(row, 0, all, at, row.length);
                at += row.length;
            }
            return all;
        }
    }
}
