package org.opennps.invitation;

import java.util.Map;
import java.util.UUID;
import org.opennps.survey.SurveyDependents;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A survey's invitations go with it, after its responses. */
@Component
@Order(20)
class InvitationSurveyDependents implements SurveyDependents {

    private final InvitationService invitations;

    InvitationSurveyDependents(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    public Map<String, Long> counts(UUID workspaceId, UUID surveyId) {
        return Map.of("invitations", invitations.countOf(workspaceId, surveyId, null));
    }

    @Override
    public void delete(UUID workspaceId, UUID surveyId) {
        invitations.deleteOf(workspaceId, surveyId, null);
    }
}
