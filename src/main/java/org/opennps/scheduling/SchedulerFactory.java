package org.opennps.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.Waiter;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Builds db-scheduler {@link Scheduler}s the way every node runs them. Public so that tests
 * and benchmarks can start a second "node" on the same database.
 */
public final class SchedulerFactory {

    /** The table of the application's scheduler. */
    public static final String TABLE = "scheduled_tasks";

    private SchedulerFactory() {}

    /**
     * A scheduler (not started) for {@code tasks} on {@code table}. Work scheduled inside a
     * Spring transaction joins it, so a journey step and the scheduling of its next step commit
     * together; times come from {@code clock}, so tests can move them.
     */
    public static Scheduler build(
            DataSource dataSource,
            Clock clock,
            List<Task<?>> tasks,
            SchedulerProperties properties,
            String table,
            String nodeName) {
        var builder = new WallClockPolling(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .tableName(table)
                .schedulerName(new SchedulerName.Fixed(nodeName))
                .clock(clock::instant)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .enableImmediateExecution();
        if (org.opennps.shared.DatabaseProduct.isPostgres(dataSource)) {
            // SKIP LOCKED claims; H2 has no such statement form, so it keeps the default fetch-then-lock
            builder.pollUsingLockAndFetch(0.5, 3.0);
        }
        return builder.build();
    }

    /**
     * db-scheduler's poll loop times its pauses with the scheduler clock; with a clock that
     * stands still (tests) or jumps, polling would stall. Due times come from the application
     * clock, the pause between polls from the wall clock.
     */
    private static final class WallClockPolling extends SchedulerBuilder {
        WallClockPolling(DataSource dataSource, List<Task<?>> tasks) {
            super(dataSource, tasks);
        }

        @Override
        protected Waiter buildWaiter() {
            return new Waiter(poolingInterval);
        }
    }
}
