package org.opennps.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Nodes" are schedulers built exactly as the application builds its own, on the same
 * database but on a table of their own, so the application's scheduler never competes for
 * these trivial tasks. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class SchedulingTests extends ApiTestBase {

    private static final String TABLE = "test_scheduled_tasks";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Map<String, String> ranOn = new ConcurrentHashMap<>();
    private final List<Scheduler> started = new ArrayList<>();
    /** When set, each execution waits until this many nodes have started one (bounded by WAIT). */
    private volatile CountDownLatch nodesAtWork;

    private final Set<String> nodesSeen = ConcurrentHashMap.newKeySet();
    private final OneTimeTask<Void> task = Tasks.oneTime("count-run").execute((instance, context) -> {
        String node = context.getExecution().pickedBy;
        CountDownLatch gate = nodesAtWork;
        if (gate != null) {
            if (nodesSeen.add(node)) {
                gate.countDown();
            }
            try {
                gate.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        runs.computeIfAbsent(instance.getId(), id -> new AtomicInteger()).incrementAndGet();
        ranOn.put(instance.getId(), node);
    });

    @BeforeEach
    void ownTable() {
        jdbc.sql("create table if not exists " + TABLE + " (task_name varchar(100) not null,"
                        + " task_instance varchar(200) not null, task_data bytea,"
                        + " execution_time timestamp with time zone not null, picked boolean not null,"
                        + " picked_by varchar(100), last_success timestamp with time zone,"
                        + " last_failure timestamp with time zone, consecutive_failures int,"
                        + " last_heartbeat timestamp with time zone, version bigint not null, priority smallint,"
                        + " primary key (task_name, task_instance))")
                .update();
        jdbc.sql("delete from " + TABLE).update();
    }

    @AfterEach
    void stopNodes() {
        started.forEach(Scheduler::stop);
    }

    @Test
    void twoNodesOnOneDatabaseRunEachDueTaskOnce() {
        // the first executions hold their node's threads until the other node has started one
        // too, so a node fast enough to take every task alone cannot hide a node that takes none
        nodesAtWork = new CountDownLatch(2);
        Scheduler a = node("node-a");
        node("node-b");
        List<String> ids = IntStream.range(0, 200).mapToObj(i -> "t" + i).toList();
        ids.forEach(id -> a.schedule(task.instance(id), clock.instant().minusSeconds(1)));

        await().atMost(WAIT).until(() -> runs.size() == ids.size() && nothingLeft());

        assertThat(ids)
                .allSatisfy(id ->
                        assertThat(runs.get(id).get()).as("runs of %s", id).isEqualTo(1));
        Map<String, Long> perNode =
                ranOn.values().stream().collect(Collectors.groupingBy(node -> node, Collectors.counting()));
        assertThat(perNode).as("tasks run per node").containsOnlyKeys("node-a", "node-b");
        assertThat(perNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ids.size());
    }

    @Test
    void taskDueAfterADelayRunsOnceOnTheNodeStartedAfterTheFirstStopped() {
        Scheduler first = node("first");
        first.schedule(task.instance("delayed"), clock.instant().plus(Duration.ofDays(2)));
        clock.advance(Duration.ofDays(1));
        first.stop();
        started.remove(first);

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        node("second");
        await().atMost(WAIT).until(() -> runs.containsKey("delayed") && nothingLeft());

        assertThat(runs.get("delayed").get()).isEqualTo(1);
        assertThat(ranOn).containsEntry("delayed", "second");
    }

    @Test
    void taskIsNotRunBeforeTheClockReachesItsTime() {
        node("only");
        scheduleIn("later", Duration.ofHours(1));
        // due by the time the clock arrives (not at the same instant: the database may round a
        // stored time up): once it ran, the node has polled at the new time, and anything that
        // poll took (as it would "later", were it wrongly due) has finished
        scheduleIn("marker", Duration.ofMinutes(58));
        clock.advance(Duration.ofMinutes(59));
        await().atMost(WAIT).until(() -> runs.containsKey("marker") && nothingPicked());
        assertThat(runs).doesNotContainKey("later");

        clock.advance(Duration.ofMinutes(2));
        await().atMost(WAIT).until(() -> runs.containsKey("later"));
        assertThat(runs.get("later").get()).isEqualTo(1);
    }

    private void scheduleIn(String id, Duration delay) {
        started.getFirst().schedule(task.instance(id), clock.instant().plus(delay));
    }

    private boolean nothingPicked() {
        return jdbc.sql("select count(*) from " + TABLE + " where picked")
                        .query(Long.class)
                        .single()
                == 0;
    }

    private boolean nothingLeft() {
        return jdbc.sql("select count(*) from " + TABLE).query(Long.class).single() == 0;
    }

    private Scheduler node(String name) {
        SchedulerProperties properties = new SchedulerProperties(
                true, 4, Duration.ofMillis(100), Duration.ofSeconds(5), 6, Duration.ofSeconds(10));
        Scheduler scheduler =
                SchedulerFactory.build(dataSource, clock, List.<Task<?>>of(task), properties, TABLE, name);
        scheduler.start();
        started.add(scheduler);
        return scheduler;
    }
}
