package org.opennps.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What runs behind a request — module events handed to listeners, journey steps on the
 * scheduler, e-mails and webhooks in the outbox — so a test can show that something does NOT
 * happen without waiting for time to pass: move the clock, {@link #settle()}, then assert. Once
 * settled, every piece of work that was due at the clock's time has finished (its e-mail is in
 * the test mail server), so a broken rule shows up as a message or a row that should not be
 * there.
 */
public class BackgroundWork {

    private static final int AT_MOST_SECONDS = 30;
    private static final Duration AT_MOST = Duration.ofSeconds(AT_MOST_SECONDS);

    private final JdbcClient jdbc;
    private final MutableClock clock;

    BackgroundWork(JdbcClient jdbc, MutableClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Returns once nothing is in flight or due: no module event waiting for (or in) its
     * listener, no scheduled execution due at the clock's time or running, and no e-mail or
     * webhook due or being sent. Fails after {@value #AT_MOST_SECONDS} seconds of work still
     * pending, naming what was.
     */
    public void settle() {
        await().atMost(AT_MOST)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(25))
                .alias("background work to finish")
                .until(() -> pending() == null);
    }

    /** What {@link #settle()} waits for right now, or null when nothing. */
    public String pendingNow() {
        return pending();
    }

    /** What is still pending, or null. Checked in the order work flows: events, steps, outbox. */
    String pending() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        long events = jdbc.sql("select count(*) from event_publication where completion_date is null"
                        + " and (status is null or status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED'))")
                .query(Long.class)
                .single();
        if (events > 0) {
            return events + " module events";
        }
        long steps = jdbc.sql("select count(*) from scheduled_tasks where picked or execution_time <= :now")
                .param("now", now)
                .query(Long.class)
                .single();
        if (steps > 0) {
            return steps + " scheduled executions";
        }
        for (String outbox : new String[] {"outgoing_email", "outgoing_webhook"}) {
            long rows = jdbc.sql("select count(*) from " + outbox + " where status = 'sending'"
                            + " or (status = 'queued' and next_attempt_at <= :now)")
                    .param("now", now)
                    .query(Long.class)
                    .single();
            if (rows > 0) {
                return rows + " rows in " + outbox;
            }
        }
        return null;
    }

    /**
     * Drops the work a test leaves waiting: one-time executions that have not started, and the
     * due times of waiting journeys (a batch of journey steps also takes other due journeys, of
     * any workspace). Called after each test: tests run one after the other, and left behind
     * this work would fire in a later test that moves the clock past it, or as soon as the clock
     * goes back to the real time.
     */
    public void forgetPendingExecutions() {
        jdbc.sql("delete from scheduled_tasks where not picked and task_instance <> 'recurring'")
                .update();
        jdbc.sql("update journey set due_at = null where status = 'waiting' and due_at is not null")
                .update();
    }
}
