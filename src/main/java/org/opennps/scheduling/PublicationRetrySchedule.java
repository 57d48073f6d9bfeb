package org.opennps.scheduling;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Looks for unfinished event publications every {@code opennps.events.retry-interval}, on one node at a time. */
@Configuration(proxyBeanMethods = false)
class PublicationRetrySchedule {

    static final String NAME = "event-publication-retry";

    @Bean
    RecurringTask<Void> publicationRetryTask(
            ObjectProvider<PublicationRetry> retry, @Value("${opennps.events.retry-interval:PT30S}") Duration every) {
        return Tasks.recurring(NAME, FixedDelay.of(every))
                .execute((instance, context) -> retry.getObject().resubmitDue());
    }

    /** The recurring execution is created once, by the first node that starts. */
    @Component
    static class FirstRun {

        private final SchedulerClient scheduler;
        private final RecurringTask<Void> task;
        private final Clock clock;

        FirstRun(SchedulerClient scheduler, RecurringTask<Void> publicationRetryTask, Clock clock) {
            this.scheduler = scheduler;
            this.task = publicationRetryTask;
            this.clock = clock;
        }

        @EventListener(ApplicationReadyEvent.class)
        void schedule() {
            scheduler.scheduleIfNotExists(task.instance(RecurringTask.INSTANCE), clock.instant());
        }
    }
}
