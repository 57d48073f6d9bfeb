package org.opennps.campaign;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable task that runs journey steps: one execution per journey and step, named
 * {@code <journey id>#<step index>}, so scheduling the same step twice keeps one. After a
 * journey was held and resumed, its executions carry the generation too:
 * {@code <journey id>#<step index>#<resumes>}.
 */
@Configuration(proxyBeanMethods = false)
class JourneyTask {

    static final TaskDescriptor<Void> STEP = TaskDescriptor.of("journey-step");

    static TaskInstance<Void> instance(UUID journeyId, int stepIndex) {
        return instance(journeyId, stepIndex, 0);
    }

    static TaskInstance<Void> instance(UUID journeyId, int stepIndex, int resumes) {
        return STEP.instance(journeyId + "#" + stepIndex + (resumes == 0 ? "" : "#" + resumes))
                .build();
    }

    /**
     * The runner is looked up at execution time: it schedules through the scheduler built from this
     * task. An execution runs its journey's step together with a batch of other due journeys; if
     * the batch fails, its transaction rolled back whole, and the execution's own journey is run
     * alone (the others keep their executions and run on their own); see {@link JourneyRunner#execute}.
     */
    @Bean
    OneTimeTask<Void> journeyStepTask(ObjectProvider<JourneyRunner> runner, JourneyProperties properties) {
        return Tasks.oneTime(STEP).execute((instance, context) -> {
            String[] parts = instance.getId().split("#");
            UUID journey = UUID.fromString(parts[0]);
            int step = Integer.parseInt(parts[1]);
            int resumes = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
            runner.getObject().execute(journey, step, resumes, properties.batchSize());
        });
    }
}
