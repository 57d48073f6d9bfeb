package org.opennps.imports;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable task reading one import, on one node. A node that dies while reading leaves a
 * dead execution which the scheduler revives; a run stopped by a shutdown or by a database
 * failure is retried, sooner first and then less often ({@link #FIRST_RETRY}, doubling). Every
 * run resumes after the job's last committed chunk. After {@link #RETRIES} failed runs in a
 * row the job is marked failed: what it stored stays, and uploading the file again skips it.
 */
@Configuration(proxyBeanMethods = false)
class ImportTask {

    static final TaskDescriptor<Void> READ = TaskDescriptor.of("import-history");
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final int RETRIES = 10;

    static TaskInstance<Void> instance(UUID jobId) {
        return READ.instance(jobId.toString()).build();
    }

    @Bean
    OneTimeTask<Void> importHistoryTask(ObjectProvider<ImportRunner> runner) {
        return Tasks.oneTime(READ)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                        RETRIES,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(FIRST_RETRY, 2.0),
                        (complete, operations) -> {
                            operations.stop();
                            runner.getObject()
                                    .giveUp(UUID.fromString(
                                            complete.getExecution().taskInstance.getId()));
                        }))
                .execute((instance, context) -> runner.getObject()
                        .run(
                                UUID.fromString(instance.getId()),
                                () -> context.getSchedulerState().isShuttingDown()));
    }
}
