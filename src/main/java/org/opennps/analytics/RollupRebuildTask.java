package org.opennps.analytics;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.util.UUID;
import org.opennps.workspace.WorkspaceTimeZoneChanged;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The durable rollup rebuild: a time zone change schedules one task per workspace (named by the
 * workspace id, so changes in quick succession share it); it runs on one node, survives
 * restarts, and a run that fails or is stopped by a shutdown is retried later.
 */
@Configuration(proxyBeanMethods = false)
class RollupRebuildTask {

    static final TaskDescriptor<Void> REBUILD = TaskDescriptor.of("analytics-rollup-rebuild");

    static TaskInstance<Void> instance(UUID workspaceId) {
        return REBUILD.instance(workspaceId.toString()).build();
    }

    @Bean
    OneTimeTask<Void> analyticsRollupRebuildTask(ObjectProvider<RollupRebuild> rebuild) {
        return Tasks.oneTime(REBUILD)
                .execute((instance, context) -> rebuild.getObject()
                        .rebuild(
                                UUID.fromString(instance.getId()),
                                () -> context.getSchedulerState().isShuttingDown()));
    }

    /** Schedules the rebuild after the change commits; a run already under way notices the new zone itself. */
    @Component
    static class ZoneChanges {

        private final SchedulerClient scheduler;
        private final Clock clock;

        ZoneChanges(SchedulerClient scheduler, Clock clock) {
            this.scheduler = scheduler;
            this.clock = clock;
        }

        @ApplicationModuleListener
        void on(WorkspaceTimeZoneChanged e) {
            scheduler.scheduleIfNotExists(instance(e.workspaceId()), clock.instant());
        }
    }
}
