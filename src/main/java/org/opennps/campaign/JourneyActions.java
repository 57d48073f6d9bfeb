package org.opennps.campaign;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.opennps.contact.Contact;
import org.opennps.delivery.DeliveryService;
import org.opennps.delivery.SurveyEmail;
import org.opennps.delivery.WebhookRequest;
import org.opennps.invitation.Channel;
import org.opennps.invitation.Invitation;
import org.opennps.invitation.InvitationService;
import org.opennps.invitation.IssueInvitation;
import org.opennps.invitation.IssuedInvitation;
import org.opennps.shared.Coded;
import org.opennps.survey.Survey;
import org.springframework.stereotype.Component;

/**
 * Carries out a journey's action inside the journey's transaction: the invitation and the
 * outbox row commit together with the journey's last step, so each exists exactly once.
 */
@Component
class JourneyActions {

    static final String DEFAULT_SUBJECT = "How did we do?";

    /** What an action did: {@code completed}, {@code stopped} or {@code failed}, and the detail. */
    record Outcome(String status, String detail, boolean invited) {}

    private final DeliveryService delivery;
    private final InvitationService invitations;

    JourneyActions(DeliveryService delivery, InvitationService invitations) {
        this.delivery = delivery;
        this.invitations = invitations;
    }

    Outcome perform(
            Journey journey,
            CampaignDefinition campaign,
            Contact contact,
            Map<String, Object> trigger,
            JourneyBatch batch) {
        Step.Action action = campaign.action();
        return switch (action.action()) {
            case "message" -> message(journey, action, contact, trigger, batch);
            case "email" -> email(journey, campaign, action, contact, trigger, batch);
            case "web" -> {
                Invitation invitation =
                        issue(journey, campaign, Channel.WEB, trigger, batch).invitation();
                yield new Outcome("completed", "invitation " + invitation.id() + " waits for the widget", true);
            }
            case "webhook" -> webhook(journey, campaign, action, contact, trigger, batch);
            default -> new Outcome("failed", "unknown action " + action.action(), false);
        };
    }

    /** Records a suppressed invitation with its reason (survey actions only). */
    void suppress(
            Journey journey,
            CampaignDefinition campaign,
            Map<String, Object> trigger,
            String reason,
            JourneyBatch batch) {
        Step.Action action = campaign.action();
        if (action.invites() && campaign.surveyId() != null) {
            invitations.suppress(
                    command(journey, campaign, Coded.from(Channel.class, action.action()), trigger),
                    reason,
                    batch.survey(journey.workspaceId(), campaign.surveyId()),
                    batch.workspace(journey.workspaceId()));
        }
    }

    /** Issues the invitation with the survey and workspace of the batch; its link token is made once. */
    private IssuedInvitation issue(
            Journey journey,
            CampaignDefinition campaign,
            Channel channel,
            Map<String, Object> trigger,
            JourneyBatch batch) {
        return invitations.issue(
                command(journey, campaign, channel, trigger),
                batch.survey(journey.workspaceId(), campaign.surveyId()),
                batch.workspace(journey.workspaceId()));
    }

    private Outcome email(
            Journey journey,
            CampaignDefinition campaign,
            Step.Action action,
            Contact contact,
            Map<String, Object> trigger,
            JourneyBatch batch) {
        if (contact.email() == null) {
            suppress(journey, campaign, trigger, "no_email", batch);
            return new Outcome("stopped", "suppressed: no_email", false);
        }
        Survey survey = batch.survey(journey.workspaceId(), campaign.surveyId());
        IssuedInvitation issued = issue(journey, campaign, Channel.EMAIL, trigger, batch);
        Invitation invitation = issued.invitation();
        String locale = survey.chooseLocale(contact.locale() == null ? List.of() : List.of(contact.locale()));
        String question = survey.npsQuestion()
                .or(() -> Optional.of(survey.questions().getFirst()))
                .map(q -> q.text().resolve(locale))
                .orElseThrow();
        List<String> scoreUrls =
                IntStream.rangeClosed(0, 10).mapToObj(issued::scoreUrl).toList();
        delivery.queueSurvey(
                new SurveyEmail(
                        journey.workspaceId(),
                        InvitationService.outboxReference(invitation.id()),
                        contact.email(),
                        // No subject of its own: the e-mail's translated default ("How likely are you to recommend
                        // …?").
                        action.subject() == null ? null : resolved(action.subject(), trigger),
                        action.body() == null ? null : resolved(action.body(), trigger),
                        question,
                        scoreUrls,
                        issued.surveyUrl(),
                        issued.unsubscribeUrl(),
                        locale),
                batch.workspace(journey.workspaceId()));
        return new Outcome("completed", "invitation " + invitation.id() + " e-mailed", true);
    }

    private Outcome webhook(
            Journey journey,
            CampaignDefinition campaign,
            Step.Action action,
            Contact contact,
            Map<String, Object> trigger,
            JourneyBatch batch) {
        IssuedInvitation issued = issue(journey, campaign, Channel.WEBHOOK, trigger, batch);
        Invitation invitation = issued.invitation();
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("invitation_id", invitation.id().toString());
        data.put("survey_id", campaign.surveyId().toString());
        data.put("campaign_id", journey.campaignId().toString());
        data.put("survey_url", issued.surveyUrl());
        data.put("contact", contactData(contact));
        data.put("trigger", trigger);
        delivery.queueWebhook(new WebhookRequest(
                journey.workspaceId(),
                InvitationService.outboxReference(invitation.id()),
                action.url(),
                action.secret(),
                "survey.invitation",
                data));
        return new Outcome("completed", "invitation " + invitation.id() + " posted to " + action.url(), true);
    }

    private Outcome message(
            Journey journey, Step.Action action, Contact contact, Map<String, Object> trigger, JourneyBatch batch) {
        if (contact.email() == null) {
            return new Outcome("stopped", "suppressed: no_email", false);
        }
        UUID id = delivery.queueMessage(
                batch.workspace(journey.workspaceId()),
                "journey:" + journey.id(),
                contact.email(),
                resolved(action.subject(), trigger),
                resolved(action.body(), trigger),
                Optional.ofNullable(contact.locale()).orElse("en"),
                null);
        return new Outcome("completed", "message e-mail " + id + " queued", false);
    }

    private static Map<String, Object> contactData(Contact contact) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("id", contact.id().toString());
        data.put("external_id", contact.externalId());
        data.put("email", contact.email());
        data.put("attributes", contact.attributes());
        return data;
    }

    private static IssueInvitation command(
            Journey journey, CampaignDefinition campaign, Channel channel, Map<String, Object> trigger) {
        return new IssueInvitation(
                journey.workspaceId(),
                campaign.surveyId(),
                journey.contactId(),
                channel,
                journey.campaignId(),
                journey.id(),
                trigger);
    }

    private static String resolved(String template, Map<String, Object> trigger) {
        return FilterEvaluator.resolve(template, trigger).orElse(template);
    }
}
