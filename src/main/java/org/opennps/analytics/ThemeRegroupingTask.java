package org.opennps.analytics;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Re-groups every workspace's comments every six hours on one node at a time (a db-scheduler
 * recurring task, so it survives restarts and never runs on a request); a run stopped by a
 * shutdown continues on the next, as the re-analysis picks the comments by cue version.
 */
@Configuration(proxyBeanMethods = false)
class ThemeRegroupingTask {

    static final String NAME = "analytics-themes-regroup";
    static final Duration EVERY = Duration.ofHours(6);

    @Bean
    RecurringTask<Void> analyticsThemesRegroupTask(ObjectProvider<ThemeRegrouping> regrouping) {
        return Tasks.recurring(NAME, FixedDelay.of(EVERY)).execute((instance, context) -> {
            ThemeRegrouping r = regrouping.getObject();
            for (UUID ws : r.workspaces()) {
                r.regroup(ws, () -> context.getSchedulerState().isShuttingDown());
            }
        });
    }

    /** The recurring execution is created once, by the first node that starts, a minute after start. */
    @Component
    static class FirstRun {

        private final SchedulerClient scheduler;
        private final RecurringTask<Void> task;
        private final Clock clock;

        FirstRun(SchedulerClient scheduler, RecurringTask<Void> analyticsThemesRegroupTask, Clock clock) {
            this.scheduler = scheduler;
            this.task = analyticsThemesRegroupTask;
            this.clock = clock;
        }

        @EventListener(ApplicationReadyEvent.class)
        void schedule() {
            scheduler.scheduleIfNotExists(
                    task.instance(RecurringTask.INSTANCE), clock.instant().plus(Duration.ofMinutes(1)));
        }
    }
}
