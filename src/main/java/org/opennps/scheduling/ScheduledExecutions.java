package org.opennps.scheduling;

import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Work on scheduled executions that db-scheduler's client does one at a time: a module that
 * did the work of many executions at once (a batch of journey steps) drops them in one
 * statement, inside its own transaction, so they commit or roll back with that work.
 */
@Component
public class ScheduledExecutions {

    private final JdbcClient jdbc;

    ScheduledExecutions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Removes the executions of {@code taskName} with these instance ids that no node has picked
     * yet; a picked one stays and runs (it finds its work done). Returns how many were removed.
     */
    public int removeUnpicked(String taskName, Collection<String> instanceIds) {
        if (instanceIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from " + SchedulerFactory.TABLE
                        + " where task_name = ? and task_instance = any(?) and picked = false")
                .params(taskName, instanceIds.toArray(String[]::new))
                .update();
    }
}
