package org.opennps.loop;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactService;
import org.opennps.delivery.DeliveryService;
import org.opennps.delivery.EmailRequest;
import org.opennps.delivery.WebhookRequest;
import org.opennps.response.ResponseRecorded;
import org.opennps.shared.Coded;
import org.opennps.workspace.RespondentTexts;
import org.opennps.workspace.Wording;
import org.opennps.workspace.WorkspaceService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells a fired rule's targets, through the delivery outbox inside the firing transaction, so a
 * notification is sent once and retried until it gets through: an e-mail, a signed JSON post,
 * or a Slack-style message. Also publishes {@link AlertFired}.
 */
@Component
class AlertNotifier {

    private final DeliveryService delivery;
    private final ContactService contacts;
    private final ApplicationEventPublisher events;
    private final String publicUrl;

    private final RespondentTexts texts;
    private final WorkspaceService workspaces;

    AlertNotifier(
            DeliveryService delivery,
            ContactService contacts,
            ApplicationEventPublisher events,
            @Value("${opennps.public-url:http://localhost:${server.port:8080}}") String publicUrl,
            RespondentTexts texts,
            WorkspaceService workspaces) {
        this.texts = texts;
        this.workspaces = workspaces;
        this.delivery = delivery;
        this.contacts = contacts;
        this.events = events;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    void notify(AlertRuleRepository.Stored rule, ResponseRecorded response, FeedbackCase opened) {
        if (rule.targets().isEmpty()) {
            return;
        }
        Contact contact = response.contactId() == null
                ? null
                : contacts.find(response.workspaceId(), response.contactId()).orElse(null);
        String link = publicUrl + "/responses/" + response.responseId();
        Wording wording = rule.targets().stream().anyMatch(t -> "email".equals(t.type()))
                ? texts.wording(
                        response.workspaceId(),
                        workspaces.get(response.workspaceId()).settings().defaultLocale())
                : null;
        for (int i = 0; i < rule.targets().size(); i++) {
            Notify target = rule.targets().get(i);
            String reference = "alert:" + rule.id() + ":" + response.responseId() + ":" + i;
            switch (target.type()) {
                case "email" ->
                    delivery.queue(new EmailRequest(
                            response.workspaceId(),
                            reference,
                            "alert",
                            target.target(),
                            AlertTexts.subject(rule.name(), response, wording),
                            AlertTexts.email(rule.name(), response, contact, link, wording),
                            null,
                            Map.of()));
                case "webhook" ->
                    delivery.queueWebhook(new WebhookRequest(
                            response.workspaceId(),
                            reference,
                            target.target(),
                            target.secret(),
                            "alert.fired",
                            payload(rule, response, opened, link)));
                default ->
                    delivery.queueSlack(
                            response.workspaceId(),
                            reference,
                            target.target(),
                            AlertTexts.slack(rule.name(), response, contact, link));
            }
        }
        events.publishEvent(new AlertFired(
                response.workspaceId(),
                rule.id(),
                rule.name(),
                response.responseId(),
                response.contactId(),
                response.score(),
                response.category(),
                response.channel(),
                opened == null ? null : opened.id(),
                rule.targets().stream()
                        .map(n -> new AlertFired.Target(n.type(), n.target()))
                        .toList()));
    }

    private static Map<String, Object> payload(
            AlertRuleRepository.Stored rule, ResponseRecorded r, FeedbackCase opened, String link) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rule_id", rule.id().toString());
        data.put("rule_name", rule.name());
        data.put("response_id", r.responseId().toString());
        data.put("contact_id", r.contactId() == null ? null : r.contactId().toString());
        data.put("score", r.score());
        data.put("category", Coded.codeOf(r.category()));
        data.put("channel", Coded.codeOf(r.channel()));
        data.put("answers", r.answers());
        data.put("case_id", opened == null ? null : opened.id().toString());
        data.put("url", link);
        return data;
    }
}
