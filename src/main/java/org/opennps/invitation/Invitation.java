package org.opennps.invitation;

import java.time.Instant;
import java.util.UUID;

/**
 * A survey request to one contact on one channel. The link token is never part of it: build
 * links with {@link InvitationService#surveyUrl}. {@code contactId} is null for anonymous
 * public-link respondents and after the person was erased.
 */
public record Invitation(
        UUID id,
        UUID workspaceId,
        UUID surveyId,
        UUID contactId,
        UUID campaignId,
        UUID journeyId,
        Channel channel,
        InvitationStatus status,
        String reason,
        Instant createdAt,
        Instant sentAt,
        Instant openedAt,
        Instant respondedAt,
        Instant expiresAt) {

    /** Whether the link may still be answered at this time. */
    public boolean openAt(Instant now) {
        return status.open() && now.isBefore(expiresAt);
    }
}
