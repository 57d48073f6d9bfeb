package org.opennps.campaign;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** When a contact was last invited to a survey and last responded, on any channel. */
interface SurveyHistory {

    Optional<Instant> lastInvitedAt(UUID workspaceId, UUID contactId);

    Optional<Instant> lastRespondedAt(UUID workspaceId, UUID contactId);
}
