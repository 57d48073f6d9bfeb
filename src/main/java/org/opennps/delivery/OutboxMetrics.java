package org.opennps.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opennps.shared.SqlTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Outbox metrics for {@code /actuator/prometheus}, per channel ({@code email}, {@code webhook}):
 * depth (rows queued or sending), age of the oldest such row, rows waiting for a retry, rows
 * parked {@code unknown} (journey lag is the scheduler's, {@code opennps.scheduler.lag}). These are
 * read from the tables by a background thread every {@code opennps.metrics.outbox-interval}
 * (15 s), so a scrape never waits on the database. Sent and failed are counted from the
 * delivery events as they happen.
 */
@Component
class OutboxMetrics implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);
    private static final Map<String, String> TABLES = Map.of("email", "outgoing_email", "webhook", "outgoing_webhook");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private final Counter emailsSent;
    private final Counter emailsFailed;
    private final Counter webhooksSent;
    private final Counter webhooksFailed;
    private final ScheduledExecutorService refresher;

    OutboxMetrics(
            JdbcClient jdbc,
            Clock clock,
            MeterRegistry registry,
            @Value("${opennps.metrics.outbox-interval:15s}") Duration interval) {
        this.jdbc = jdbc;
        this.clock = clock;
        for (String channel : TABLES.keySet()) {
            gauge(registry, "opennps.outbox.depth", channel, "rows queued or being sent");
            gauge(
                    registry,
                    "opennps.outbox.oldest.age",
                    channel,
                    "seconds since the oldest queued or sending row was created");
            gauge(registry, "opennps.outbox.retrying", channel, "rows queued again after a failed attempt");
            gauge(registry, "opennps.outbox.unknown", channel, "rows parked with an unknown outcome");
        }
        emailsSent = counter(registry, "opennps.outbox.sent", "email");
        emailsFailed = counter(registry, "opennps.outbox.failed", "email");
        webhooksSent = counter(registry, "opennps.outbox.sent", "webhook");
        webhooksFailed = counter(registry, "opennps.outbox.failed", "webhook");
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "metrics-outbox");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void gauge(MeterRegistry registry, String name, String channel, String description) {
        String key = name + "." + channel;
        Gauge.builder(name, values, v -> v.getOrDefault(key, 0.0))
                .tag("channel", channel)
                .description(description)
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String name, String channel) {
        return Counter.builder(name).tag("channel", channel).register(registry);
    }

    @EventListener
    void on(EmailsSent sent) {
        emailsSent.increment(sent.emails().size());
    }

    @EventListener
    void on(EmailFailed failed) {
        emailsFailed.increment();
    }

    @EventListener
    void on(WebhookDelivered delivered) {
        webhooksSent.increment();
    }

    @EventListener
    void on(WebhookFailed failed) {
        webhooksFailed.increment();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.debug("Outbox metrics not refreshed: {}", e.getClass().getSimpleName());
        }
    }

    /** Reads the figures now (on the calling thread); the gauges show them until the next refresh. */
    void refresh() {
        Instant now = clock.instant();
        TABLES.forEach((channel, table) -> {
            var row = jdbc.sql("select"
                            + " sum(case when status in ('queued', 'sending') then 1 else 0 end) as depth,"
                            + " min(case when status in ('queued', 'sending') then created_at end) as oldest,"
                            + " sum(case when status = 'queued' and attempts > 0 then 1 else 0 end) as retrying,"
                            + " sum(case when status = 'unknown' then 1 else 0 end) as parked"
                            + " from " + table + " where status in ('queued', 'sending', 'unknown')")
                    .query((rs, n) -> new double[] {
                        rs.getLong("depth"),
                        secondsSince(SqlTimes.instant(rs, "oldest"), now),
                        rs.getLong("retrying"),
                        rs.getLong("parked")
                    })
                    .single();
            values.put("opennps.outbox.depth." + channel, row[0]);
            values.put("opennps.outbox.oldest.age." + channel, row[1]);
            values.put("opennps.outbox.retrying." + channel, row[2]);
            values.put("opennps.outbox.unknown." + channel, row[3]);
        });
    }

    private static double secondsSince(Instant then, Instant now) {
        return then == null ? 0.0 : Math.max(0, Duration.between(then, now).toMillis() / 1000.0);
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
