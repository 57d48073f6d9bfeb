package org.opennps.scheduling;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opennps.shared.SqlTimes;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code opennps.scheduler.lag} (seconds): how late the oldest due execution is that no node
 * has picked yet, per task ({@code journey-step} is the journey lag). Read by a background
 * thread every {@code opennps.metrics.outbox-interval} (15 s), so a scrape never waits on the
 * database.
 */
@Component
class SchedulerLag implements DisposableBean {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final java.util.Map<String, Double> lag = new java.util.concurrent.ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final ScheduledExecutorService refresher;

    SchedulerLag(
            JdbcClient jdbc,
            Clock clock,
            MeterRegistry registry,
            @Value("${opennps.metrics.outbox-interval:15s}") Duration interval) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.registry = registry;
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "metrics-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        register("journey-step");
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the next round tries again; a database outage shows in health, not here
        }
    }

    /** Reads the lag now (on the calling thread). */
    void refresh() {
        Instant now = clock.instant();
        java.util.Map<String, Double> seen = new java.util.HashMap<>();
        jdbc.sql("select task_name, min(execution_time) as oldest from scheduled_tasks"
                        + " where picked = false and execution_time <= ? group by task_name")
                .param(SqlTimes.param(now))
                .query((rs, n) -> seen.put(
                        rs.getString("task_name"),
                        Math.max(
                                0,
                                Duration.between(SqlTimes.instant(rs, "oldest"), now)
                                                .toMillis()
                                        / 1000.0)))
                .list();
        for (String task : lag.keySet()) {
            lag.put(task, seen.getOrDefault(task, 0.0));
        }
        seen.forEach((task, seconds) -> {
            if (!lag.containsKey(task)) {
                register(task);
            }
            lag.put(task, seconds);
        });
    }

    /** The current lag of a task in seconds (0 when nothing of it is due). */
    double lagOf(String task) {
        return lag.getOrDefault(task, 0.0);
    }

    private void register(String task) {
        lag.putIfAbsent(task, 0.0);
        Gauge.builder("opennps.scheduler.lag", lag, l -> l.getOrDefault(task, 0.0))
                .tag("task", task)
                .baseUnit("seconds")
                .description("how late the oldest due, unpicked execution of the task is")
                .register(registry);
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
