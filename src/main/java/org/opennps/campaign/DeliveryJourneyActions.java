package org.opennps.campaign;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.contact.Contact;
import org.opennps.delivery.DeliveryService;
import org.springframework.stereotype.Component;

/**
 * Actions through the delivery module. {@code message} queues a plain e-mail. The survey
 * actions ({@code email}, {@code web}, {@code webhook}) need an invitation (token, survey and
 * unsubscribe links) from the invitation module, which this build does not contain: such
 * journeys end as failed with that reason instead of sending an e-mail without working links.
 */
@Component
class DeliveryJourneyActions implements JourneyActions {

    private final DeliveryService delivery;

    DeliveryJourneyActions(DeliveryService delivery) {
        this.delivery = delivery;
    }

    @Override
    public Outcome perform(Journey journey, CampaignDefinition campaign, Contact contact, Map<String, Object> trigger) {
        Step.Action action = campaign.action();
        if (!"message".equals(action.action())) {
            return Outcome.failed("action " + action.action() + " needs survey invitations, not available yet");
        }
        if (contact.email() == null) {
            return Outcome.failed("contact has no e-mail address");
        }
        String subject = FilterEvaluator.resolve(action.subject(), trigger).orElse(action.subject());
        String body = FilterEvaluator.resolve(action.body(), trigger).orElse(action.body());
        UUID id = delivery.queueMessage(
                journey.workspaceId(),
                "journey:" + journey.id(),
                contact.email(),
                subject,
                body,
                Optional.ofNullable(contact.locale()).orElse("en"),
                null);
        return Outcome.done("message e-mail " + id + " queued", false);
    }
}
