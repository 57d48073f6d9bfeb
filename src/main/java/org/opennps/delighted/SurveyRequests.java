package org.opennps.delighted;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.campaign.FatigueDecision;
import org.opennps.campaign.FatiguePolicy;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactErased;
import org.opennps.invitation.Channel;
import org.opennps.invitation.Invitation;
import org.opennps.invitation.InvitationService;
import org.opennps.invitation.IssueInvitation;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey requests of POST /v1/people: an e-mail invitation to the Delighted survey, decided by
 * the same fatigue policy as campaigns and e-mailed by a durable task once the requested delay
 * is over; DELETE …/survey_requests/pending withdraws it while it waits.
 */
@Component
class SurveyRequests {

    private final SurveyRequestRepository requests;
    private final InvitationService invitations;
    private final DelightedSurvey survey;
    private final FatiguePolicy fatigue;
    private final SchedulerClient scheduler;
    private final Clock clock;

    SurveyRequests(
            SurveyRequestRepository requests,
            InvitationService invitations,
            DelightedSurvey survey,
            FatiguePolicy fatigue,
            SchedulerClient scheduler,
            Clock clock) {
        this.requests = requests;
        this.invitations = invitations;
        this.survey = survey;
        this.fatigue = fatigue;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Schedules a survey e-mail to the person after {@code delay}; a pending one is replaced.
     * Returns when it is due, or empty when the fatigue policy says the person may not be asked
     * now (the invitation is kept as suppressed, with the reason).
     */
    @Transactional
    Optional<Instant> schedule(UUID workspaceId, Contact person, Duration delay) {
        cancelPending(workspaceId, person.id());
        IssueInvitation command = new IssueInvitation(
                workspaceId, survey.ensure(workspaceId), person.id(), Channel.EMAIL, null, null, Map.of());
        FatigueDecision decision = fatigue.mayInvite(workspaceId, person, null, 100, null);
        if (!decision.allowed()) {
            invitations.suppress(command, decision.reason());
            return Optional.empty();
        }
        Invitation invitation = invitations.issue(command);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant due = now.plus(delay).truncatedTo(ChronoUnit.SECONDS);
        UUID id = UUID.randomUUID();
        requests.insert(new SurveyRequestRepository.Request(id, workspaceId, person.id(), invitation.id(), due), now);
        scheduler.scheduleIfNotExists(SurveyRequestTask.instance(id), due);
        return Optional.of(due);
    }

    /** Withdraws the person's waiting survey requests; returns how many there were. */
    @Transactional
    int cancelPending(UUID workspaceId, UUID contactId) {
        int cancelled = 0;
        for (SurveyRequestRepository.Request r : requests.pending(workspaceId, contactId)) {
            if (requests.leavePending(r.id(), SurveyRequestRepository.CANCELLED)) {
                invitations.cancel(workspaceId, r.invitationId());
                cancelled++;
            }
        }
        return cancelled;
    }

    Optional<Instant> nextScheduledAt(UUID workspaceId, UUID contactId) {
        return requests.nextDue(workspaceId, contactId);
    }

    @EventListener
    void on(ContactErased event) {
        requests.erase(event.workspaceId(), event.contactId());
    }
}
