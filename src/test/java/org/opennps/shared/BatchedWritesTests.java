package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.SqlStatements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes held back for a batch reach the database together, inside the batch's transaction. */
abstract class BatchedWritesTests extends ApiTestBase {

    private static final String INSERT = "insert into batched_writes_probe (id, note) values (?, ?)";

    @Autowired
    BatchedWrites writes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    SqlStatements statements;

    @BeforeEach
    void probeTable() {
        jdbc.execute("create table if not exists batched_writes_probe (id int primary key, note varchar(40))");
        jdbc.update("delete from batched_writes_probe");
    }

    @Test
    void heldWritesAreInvisibleUntilTheScopeEndsThenGoAsOneBatchPerStatement() {
        try (var sql = statements.record()) {
            tx.executeWithoutResult(status -> writes.collecting(() -> {
                for (int i = 0; i < 50; i++) {
                    writes.update(INSERT, i, "row " + i);
                }
                writes.update("update batched_writes_probe set note = ? where id = ?", "changed", 7);
                assertThat(writes.held()).isEqualTo(51);
                assertThat(rows()).isZero();
                return null;
            }));
            // one batch per statement; on PostgreSQL the first 32 inserts go as one multi-row insert
            // and the other 18 as a batch
            assertThat(sql.count(s -> s.startsWith("insert into batched_writes_probe")
                            || s.startsWith("update batched_writes_probe")))
                    .as(sql.describe())
                    .isEqualTo(postgres() ? 3 : 2);
        }
        assertThat(rows()).isEqualTo(50);
        assertThat(jdbc.queryForObject("select note from batched_writes_probe where id = 7", String.class))
                .isEqualTo("changed");
    }

    @Test
    void insertsOfManyRowsStoreEveryRowOnceAndStillSkipConflicts() {
        jdbc.update("insert into batched_writes_probe (id, note) values (5, 'kept'), (40, 'kept')");
        String upsert = INSERT + " on conflict do nothing";
        try (var sql = statements.record()) {
            tx.executeWithoutResult(status -> writes.collecting(() -> {
                for (int i = 0; i < 2 * BatchedWrites.ROWS_PER_INSERT + 7; i++) {
                    writes.update(upsert, i, "row " + i);
                }
                return null;
            }));
            int multiRow =
                    sql.count(s -> s.startsWith("insert into batched_writes_probe (id, note) values (?, ?), (?, ?)"));
            assertThat(multiRow).as(sql.describe()).isEqualTo(postgres() ? 2 : 0);
        }
        assertThat(rows()).isEqualTo(2 * BatchedWrites.ROWS_PER_INSERT + 7);
        assertThat(jdbc.queryForList(
                        "select note from batched_writes_probe where id in (5, 40) order by id", String.class))
                .containsExactly("kept", "kept");
        assertThat(jdbc.queryForObject("select note from batched_writes_probe where id = 70", String.class))
                .isEqualTo("row 70");
    }

    @Test
    void aMultiRowInsertThatFailsLeavesNothingOfTheBatch() {
        // a duplicate id in the first block of rows: on PostgreSQL that block is one statement
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> writes.collecting(() -> {
                    for (int i = 0; i < BatchedWrites.ROWS_PER_INSERT + 3; i++) {
                        writes.update(INSERT, i == 9 ? 3 : i, "row " + i);
                    }
                    return null;
                })))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(rows()).isZero();
        assertThat(writes.collecting()).isFalse();
    }

    @Test
    void onlyAPlainInsertOfOneRowHasAMultiRowForm() {
        assertThat(BatchedWrites.multiRow("insert into t (a, b) values (?, cast(? as uuid)) on conflict do nothing", 3))
                .isEqualTo("insert into t (a, b) values (?, cast(? as uuid)), (?, cast(? as uuid)),"
                        + " (?, cast(? as uuid)) on conflict do nothing");
        assertThat(BatchedWrites.multiRow("insert into t (a) values (?)", 2))
                .isEqualTo("insert into t (a) values (?), (?)");
        assertThat(BatchedWrites.multiRow("insert into t (a) values (?) returning a", 2))
                .isNull();
        assertThat(BatchedWrites.multiRow("insert into t (a) select ? from u", 2))
                .isNull();
        assertThat(BatchedWrites.multiRow("update t set a = ? where b = ?", 2)).isNull();
    }

    private boolean postgres() {
        return Boolean.TRUE.equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>)
                c -> "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())));
    }

    @Test
    void aFlushSendsWhatIsHeldSoTheTransactionCanReadIt() {
        tx.executeWithoutResult(status -> writes.collecting(() -> {
            writes.update(INSERT, 1, "one");
            writes.flush();
            assertThat(writes.held()).isZero();
            assertThat(rows()).isEqualTo(1);
            return null;
        }));
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void aBatchThatFailsHalfWayLeavesNothing() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> writes.collecting(() -> {
                    writes.update(INSERT, 1, "one");
                    writes.update(INSERT, 2, "two");
                    throw new IllegalStateException("crash half-way");
                })))
                .hasMessage("crash half-way");
        assertThat(rows()).isZero();
        assertThat(writes.collecting()).isFalse();
    }

    @Test
    void aRowTheDatabaseRefusesRollsTheWholeBatchBack() {
        jdbc.update(INSERT, 2, "already there");
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> writes.collecting(() -> {
                    writes.update(INSERT, 1, "one");
                    writes.update(INSERT, 2, "duplicate");
                    writes.update(INSERT, 3, "three");
                    return null;
                })))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void outsideAScopeAWriteRunsAtOnceAndAScopeNeedsATransaction() {
        writes.update(INSERT, 1, "one");
        assertThat(rows()).isEqualTo(1);
        assertThat(writes.collecting()).isFalse();
        assertThatThrownBy(() -> writes.collecting(() -> null)).isInstanceOf(IllegalStateException.class);
    }

    private int rows() {
        return jdbc.queryForObject("select count(*) from batched_writes_probe", Integer.class);
    }
}
