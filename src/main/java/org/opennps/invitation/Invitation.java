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
        String channel,
        String status,
        String reason,
        Instant createdAt,
        Instant sentAt,
        Instant openedAt,
        Instant respondedAt,
        Instant expiresAt) {

    public static final String SCHEDULED = "scheduled";
    public static final String SENT = "sent";
    public static final String OPENED = "opened";
    public static final String RESPONDED = "responded";
    public static final String EXPIRED = "expired";
    public static final String SUPPRESSED = "suppressed";
    public static final String FAILED = "failed";

    /** Whether the link may still be answered at this time. */
    public boolean openAt(Instant now) {
        return (SCHEDULED.equals(status) || SENT.equals(status) || OPENED.equals(status)) && now.isBefore(expiresAt);
    }
}
