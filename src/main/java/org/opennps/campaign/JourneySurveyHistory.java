package org.opennps.campaign;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Survey history as far as campaigns know it: when a journey last invited the contact. It
 * knows no responses; invitations and responses made outside campaigns are not counted.
 */
@Component
class JourneySurveyHistory implements SurveyHistory {

    private final JourneyRepository journeys;

    JourneySurveyHistory(JourneyRepository journeys) {
        this.journeys = journeys;
    }

    @Override
    public Optional<Instant> lastInvitedAt(UUID workspaceId, UUID contactId) {
        return journeys.lastInvitedAt(workspaceId, contactId);
    }

    @Override
    public Optional<Instant> lastRespondedAt(UUID workspaceId, UUID contactId) {
        return Optional.empty();
    }
}
