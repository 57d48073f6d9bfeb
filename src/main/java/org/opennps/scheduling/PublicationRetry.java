package org.opennps.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.opennps.shared.SqlTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Service;

/**
 * Hands module events whose listener did not finish (it failed, or its node died while it ran)
 * to their listener again, without waiting for a restart. An unfinished publication is due
 * {@code opennps.events.retry-after} (1 minute) after it was published, then after twice as
 * long each time it was resubmitted, up to {@code opennps.events.retry-max} (1 hour), so a
 * listener that keeps failing is not hammered. A resubmission whose run never reported back
 * (its node died) is released after {@code opennps.events.stale-after} (10 minutes). Run by a recurring scheduler task ({@code event-publication-retry}), so one node at
 * a time does it; the registry's own claim ({@code RESUBMITTED}) keeps a publication from being
 * handed over twice at once. A listener may still be running when its publication falls due
 * (it is not marked finished until it returns); listeners are idempotent, as they must be for
 * the republication on restart, so a repeated run changes nothing.
 */
@Service
public class PublicationRetry {

    private static final Logger log = LoggerFactory.getLogger(PublicationRetry.class);

    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final Duration first;
    private final Duration max;
    private final Duration stale;
    private final JdbcClient jdbc;

    PublicationRetry(
            IncompleteEventPublications incomplete,
            Clock clock,
            JdbcClient jdbc,
            @Value("${opennps.events.retry-after:PT1M}") Duration first,
            @Value("${opennps.events.retry-max:PT1H}") Duration max,
            @Value("${opennps.events.stale-after:PT10M}") Duration stale) {
        this.incomplete = incomplete;
        this.clock = clock;
        this.jdbc = jdbc;
        this.first = first;
        this.max = max;
        this.stale = stale;
    }

    /** Resubmits every due incomplete publication; returns how many were due. */
    public int resubmitDue() {
        Instant now = clock.instant();
        // A resubmission claims its row (RESUBMITTED) and the registry never claims such a row
        // again; one whose run died with its node would stay stranded, so it counts as failed.
        int stranded = jdbc.sql("update event_publication set status = 'FAILED' where status = 'RESUBMITTED'"
                        + " and completion_date is null and last_resubmission_date < ?")
                .param(SqlTimes.param(now.minus(stale)))
                .update();
        if (stranded > 0) {
            log.warn("{} event publications resubmitted long ago never finished; trying them again", stranded);
        }
        AtomicInteger due = new AtomicInteger();
        incomplete.resubmitIncompletePublications(p -> {
            boolean isDue = due(p, now, first, max);
            if (isDue) {
                due.incrementAndGet();
            }
            return isDue;
        });
        if (due.get() > 0) {
            log.info("Resubmitted {} unfinished event publications to their listeners", due.get());
        }
        return due.get();
    }

    /**
     * Whether the publication has waited long enough: {@code first} after its first run, then
     * {@code first × 2^(attempts - 1)} (at most {@code max}) after its last resubmission.
     * One being resubmitted right now ({@code RESUBMITTED}) is left to that run.
     */
    static boolean due(EventPublication p, Instant now, Duration first, Duration max) {
        EventPublication.Status status = p.getStatus();
        if (p.isCompleted()
                || status == EventPublication.Status.COMPLETED
                || status == EventPublication.Status.RESUBMITTED) {
            return false;
        }
        Instant last = p.getLastResubmissionDate();
        Instant since = last != null ? last : p.getPublicationDate();
        Duration wait = first;
        // The registry counts the first run as an attempt and stamps it as the last submission.
        for (int i = 1; i < p.getCompletionAttempts() && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        if (wait.compareTo(max) > 0) {
            wait = max;
        }
        return !since.plus(wait).isAfter(now);
    }
}
