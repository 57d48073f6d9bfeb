package org.opennps.delighted;

import java.time.Instant;
import java.util.UUID;
import org.opennps.contact.Contact;
import org.opennps.invitation.InvitationService;
import org.opennps.response.ResponseService;
import org.springframework.stereotype.Component;

/** A contact as a Delighted person, with when it was last asked, last answered and is next asked. */
@Component
class PersonViews {

    private final InvitationService invitations;
    private final ResponseService responses;
    private final SurveyRequests requests;

    PersonViews(InvitationService invitations, ResponseService responses, SurveyRequests requests) {
        this.invitations = invitations;
        this.responses = responses;
        this.requests = requests;
    }

    Views.Person of(UUID workspaceId, Contact c) {
        return of(workspaceId, c, null);
    }

    Views.Person of(UUID workspaceId, Contact c, Instant surveyScheduledAt) {
        return of(workspaceId, c, surveyScheduledAt, false);
    }

    /** With the person's properties, as the answer to POST /v1/people and a retrieve carry them. */
    Views.Person withProperties(UUID workspaceId, Contact c, Instant surveyScheduledAt) {
        return of(workspaceId, c, surveyScheduledAt, true);
    }

    private Views.Person of(UUID workspaceId, Contact c, Instant surveyScheduledAt, boolean properties) {
        return new Views.Person(
                c.id().toString(),
                c.name(),
                c.email(),
                c.phone(),
                Views.unix(c.createdAt()),
                Views.unix(invitations.lastInvitedAt(workspaceId, c.id()).orElse(null)),
                Views.unix(responses.lastRespondedAt(workspaceId, c.id()).orElse(null)),
                Views.unix(requests.nextScheduledAt(workspaceId, c.id()).orElse(null)),
                Views.unix(surveyScheduledAt),
                properties ? c.attributes() : null);
    }
}
