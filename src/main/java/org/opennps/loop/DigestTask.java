package org.opennps.loop;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Looks for due digests every five minutes on one node at a time (a db-scheduler recurring
 * task); which day was sent is decided by the {@code digest_sent} rows, not by the task.
 */
@Configuration(proxyBeanMethods = false)
class DigestTask {

    static final String NAME = "loop-daily-digest";
    static final Duration EVERY = Duration.ofMinutes(5);

    @Bean
    RecurringTask<Void> dailyDigestTask(ObjectProvider<DigestService> digests) {
        return Tasks.recurring(NAME, FixedDelay.of(EVERY))
                .execute((instance, context) -> digests.getObject().sendDue());
    }

    /** The recurring execution is created once, by the first node that starts. */
    @Component
    static class FirstRun {

        private final SchedulerClient scheduler;
        private final RecurringTask<Void> task;
        private final Clock clock;

        FirstRun(SchedulerClient scheduler, RecurringTask<Void> dailyDigestTask, Clock clock) {
            this.scheduler = scheduler;
            this.task = dailyDigestTask;
            this.clock = clock;
        }

        @EventListener(ApplicationReadyEvent.class)
        void schedule() {
            scheduler.scheduleIfNotExists(task.instance(RecurringTask.INSTANCE), clock.instant());
        }
    }
}
