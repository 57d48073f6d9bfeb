package org.opennps.imports;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable task reading one import, on one node; a node that dies while reading leaves a
 * dead execution which the scheduler revives, and the job resumes after its last committed chunk.
 */
@Configuration(proxyBeanMethods = false)
class ImportTask {

    static final TaskDescriptor<Void> READ = TaskDescriptor.of("import-history");

    static TaskInstance<Void> instance(UUID jobId) {
        return READ.instance(jobId.toString()).build();
    }

    @Bean
    OneTimeTask<Void> importHistoryTask(ObjectProvider<ImportRunner> runner) {
        return Tasks.oneTime(READ)
                .execute((instance, context) -> runner.getObject().run(UUID.fromString(instance.getId())));
    }
}
