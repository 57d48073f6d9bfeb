package org.opennps.delighted;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactService;
import org.opennps.delivery.DeliveryService;
import org.opennps.delivery.SurveyEmail;
import org.opennps.invitation.Invitation;
import org.opennps.invitation.InvitationService;
import org.opennps.invitation.InvitationStatus;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.opennps.workspace.WorkspaceService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands a due survey request to the outbox as a survey e-mail, and moves its invitation to
 * sent or failed when the outbox reports. Delighted's {@code delighted_email_subject} and
 * {@code delighted_intro_message} person properties set the subject and the intro.
 */
@Component
class SurveyEmails {

    private final SurveyRequestRepository requests;
    private final InvitationService invitations;
    private final ContactService contacts;
    private final SurveyService surveys;
    private final WorkspaceService workspaces;
    private final DeliveryService delivery;

    SurveyEmails(
            SurveyRequestRepository requests,
            InvitationService invitations,
            ContactService contacts,
            SurveyService surveys,
            WorkspaceService workspaces,
            DeliveryService delivery) {
        this.requests = requests;
        this.invitations = invitations;
        this.contacts = contacts;
        this.surveys = surveys;
        this.workspaces = workspaces;
        this.delivery = delivery;
    }

    /** Queues the request's e-mail unless it was cancelled, sent already, or the person left. */
    @Transactional
    void send(UUID requestId) {
        Optional<SurveyRequestRepository.Request> found = requests.find(requestId);
        if (found.isEmpty() || !requests.leavePending(requestId, SurveyRequestRepository.QUEUED)) {
            return;
        }
        SurveyRequestRepository.Request request = found.get();
        UUID ws = request.workspaceId();
        Optional<Contact> person = contacts.find(ws, request.contactId());
        Optional<Invitation> invitation = invitations.find(ws, request.invitationId());
        if (person.isEmpty()
                || person.get().email() == null
                || !person.get().reachable()
                || invitation.isEmpty()
                || invitation.get().status() != InvitationStatus.SCHEDULED) {
            invitations.cancel(ws, request.invitationId());
            return;
        }
        delivery.queueSurvey(email(person.get(), invitation.get()));
    }

    private SurveyEmail email(Contact person, Invitation invitation) {
        UUID ws = invitation.workspaceId();
        Survey survey = surveys.get(ws, invitation.surveyId());
        String locale = survey.chooseLocale(person.locale() == null ? List.of() : List.of(person.locale()));
        String question = survey.npsQuestion()
                .orElse(survey.questions().getFirst())
                .text()
                .resolve(locale);
        String subject = text(person, "delighted_email_subject")
                .orElse("How likely are you to recommend " + workspaces.get(ws).name() + "?");
        return new SurveyEmail(
                ws,
                InvitationService.outboxReference(invitation.id()),
                person.email(),
                subject,
                text(person, "delighted_intro_message").orElse(null),
                question,
                IntStream.rangeClosed(0, 10)
                        .mapToObj(score -> invitations.scoreUrl(invitation, score))
                        .toList(),
                invitations.surveyUrl(invitation),
                invitations.unsubscribeUrl(invitation),
                locale);
    }

    private static Optional<String> text(Contact person, String attribute) {
        return person.attributes().get(attribute) instanceof String s && !s.isBlank()
                ? Optional.of(s)
                : Optional.empty();
    }
}
