package org.opennps.loop;

import java.util.List;
import java.util.UUID;
import org.opennps.response.ResponseRecorded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Announces a fired rule with its targets as {@link AlertFired}; sending the e-mails and
 * webhook posts is the outgoing-message side's job, inside the same transaction.
 */
@Component
class AlertNotifier {

    private final ApplicationEventPublisher events;

    AlertNotifier(ApplicationEventPublisher events) {
        this.events = events;
    }

    void notify(AlertRuleRepository.Stored rule, ResponseRecorded response, FeedbackCase opened) {
        if (rule.targets().isEmpty()) {
            return;
        }
        List<AlertFired.Target> targets = rule.targets().stream()
                .map(n -> new AlertFired.Target(n.type(), n.target()))
                .toList();
        UUID caseId = opened == null ? null : opened.id();
        events.publishEvent(new AlertFired(
                response.workspaceId(),
                rule.id(),
                rule.name(),
                response.responseId(),
                response.contactId(),
                response.score(),
                response.category(),
                response.channel(),
                caseId,
                targets));
    }
}
