package org.opennps.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opennps.contact.ContactUnsubscribed;
import org.opennps.delivery.WebhookDelivered;
import org.opennps.delivery.WebhookFailed;
import org.opennps.invitation.InvitationFailed;
import org.opennps.invitation.InvitationSent;
import org.opennps.invitation.InvitationsSent;
import org.opennps.loop.CaseUpdated;
import org.opennps.response.ResponseCompleted;
import org.opennps.response.ResponseRecorded;
import org.opennps.response.ResponseScored;
import org.opennps.shared.Coded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns module events into subscription posts, durably and after the change is committed. The
 * posts carry ids and facts, not personal data beyond the contact id.
 */
@Component
class WebhookEvents {

    private final WebhookService webhooks;

    WebhookEvents(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @ApplicationModuleListener
    void on(ResponseScored e) {
        webhooks.publish(
                e.workspaceId(),
                "response.scored",
                e.responseId() + ":" + e.score(),
                data(
                        "response_id",
                        e.responseId(),
                        "contact_id",
                        e.contactId(),
                        "score",
                        e.score(),
                        "category",
                        Coded.codeOf(e.category()),
                        "channel",
                        Coded.codeOf(e.channel())));
    }

    @ApplicationModuleListener
    void on(ResponseCompleted e) {
        webhooks.publish(
                e.workspaceId(), "response.completed", e.responseId().toString(), data("response_id", e.responseId()));
    }

    @ApplicationModuleListener
    void on(ResponseRecorded e) {
        if (e.imported()) {
            return; // imported history is not news to the receivers
        }
        Map<String, Object> data = data(
                "response_id",
                e.responseId(),
                "survey_id",
                e.surveyId(),
                "campaign_id",
                e.campaignId(),
                "contact_id",
                e.contactId(),
                "score",
                e.score(),
                "category",
                Coded.codeOf(e.category()),
                "confirmed",
                e.confirmed(),
                "channel",
                Coded.codeOf(e.channel()));
        data.put("answers", e.answers());
        data.put(
                "completed_at", e.completedAt() == null ? null : e.completedAt().toString());
        webhooks.publish(e.workspaceId(), "response.updated", e.responseId() + ":" + e.updatedAt(), data);
    }

    @ApplicationModuleListener
    void on(InvitationSent e) {
        webhooks.publish(e.workspaceId(), "invitation.sent", e.invitationId().toString(), invitationSent(e));
    }

    private static Map<String, Object> invitationSent(InvitationSent e) {
        return data(
                "invitation_id",
                e.invitationId(),
                "contact_id",
                e.contactId(),
                "campaign_id",
                e.campaignId(),
                "channel",
                Coded.codeOf(e.channel()));
    }

    /** A batch of sent invitations: the subscriptions of each workspace are looked up once. */
    @ApplicationModuleListener
    void on(InvitationsSent batch) {
        Map<java.util.UUID, Map<String, Map<String, Object>>> byWorkspace = new LinkedHashMap<>();
        for (InvitationSent e : batch.invitations()) {
            byWorkspace
                    .computeIfAbsent(e.workspaceId(), ws -> new LinkedHashMap<>())
                    .put(e.invitationId().toString(), invitationSent(e));
        }
        byWorkspace.forEach((ws, occurrences) -> webhooks.publishAll(ws, "invitation.sent", occurrences));
    }

    @ApplicationModuleListener
    void on(InvitationFailed e) {
        webhooks.publish(
                e.workspaceId(),
                "invitation.failed",
                e.invitationId().toString(),
                data(
                        "invitation_id",
                        e.invitationId(),
                        "contact_id",
                        e.contactId(),
                        "campaign_id",
                        e.campaignId(),
                        "channel",
                        Coded.codeOf(e.channel()),
                        "reason",
                        e.reason()));
    }

    @ApplicationModuleListener
    void on(ContactUnsubscribed e) {
        webhooks.publish(
                e.workspaceId(),
                "contact.unsubscribed",
                e.contactId().toString(),
                data(
                        "contact_id",
                        e.contactId(),
                        "unsubscribed_at",
                        e.unsubscribedAt().toString()));
    }

    @ApplicationModuleListener
    void on(CaseUpdated e) {
        webhooks.publish(
                e.workspaceId(),
                "case.updated",
                e.caseId() + ":" + e.updatedAt(),
                data(
                        "case_id",
                        e.caseId(),
                        "response_id",
                        e.responseId(),
                        "status",
                        e.status().code(),
                        "owner",
                        e.owner()));
    }

    @ApplicationModuleListener
    void on(WebhookDelivered e) {
        webhooks.outcome(e.reference(), true, null);
    }

    @ApplicationModuleListener
    void on(WebhookFailed e) {
        webhooks.outcome(e.reference(), false, e.reason());
    }

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            map.put((String) pairs[i], value instanceof java.util.UUID id ? id.toString() : value);
        }
        return map;
    }
}
