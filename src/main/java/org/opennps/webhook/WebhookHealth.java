package org.opennps.webhook;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code webhooks} health component: how many subscriptions are switched off after
 * failures (in all workspaces), as {@code DEGRADED} when any is, which ranks below {@code UP}
 * and so never takes the node out of service. Counted in the background every
 * {@code opennps.health.smtp-interval}; a health call only reads the last count.
 */
@Component("webhooksHealthIndicator")
class WebhookHealth implements HealthIndicator, DisposableBean {

    static final Status DEGRADED = new Status("DEGRADED");

    private final JdbcClient jdbc;
    private final ScheduledExecutorService checks;
    private volatile Health last = Health.unknown().build();

    WebhookHealth(JdbcClient jdbc, @Value("${opennps.health.smtp-interval:1m}") Duration interval) {
        this.jdbc = jdbc;
        this.checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "health-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Health health() {
        return last;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the database check reports outages; this one keeps its last count
        }
    }

    /** Counts now, on the calling thread. */
    void refresh() {
        long off = jdbc.sql("select count(*) from webhook_subscription where active = false")
                .query(Long.class)
                .single();
        last = (off > 0 ? Health.status(DEGRADED) : Health.up())
                .withDetail("switched_off_subscriptions", off)
                .build();
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
