package org.opennps.delighted;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable task that e-mails one survey request when its delay is over, on exactly one
 * node, after restarts too; named by the request id, so scheduling it twice keeps one.
 */
@Configuration(proxyBeanMethods = false)
class SurveyRequestTask {

    static final TaskDescriptor<Void> SEND = TaskDescriptor.of("delighted-survey-request");

    static TaskInstance<Void> instance(UUID requestId) {
        return SEND.instance(requestId.toString()).build();
    }

    @Bean
    OneTimeTask<Void> delightedSurveyRequestTask(ObjectProvider<SurveyEmails> emails) {
        return Tasks.oneTime(SEND)
                .execute((instance, context) -> emails.getObject().send(UUID.fromString(instance.getId())));
    }
}
