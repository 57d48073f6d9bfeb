package org.opennps.invitation;

import java.util.Map;
import java.util.UUID;

/**
 * How far one campaign's invitations got, as cumulative stages: {@code sent} includes the
 * opened and responded ones, {@code opened} the responded ones. {@code issued} counts every
 * invitation that was not suppressed; {@code failed} those whose delivery was given up (never
 * counted as sent); {@code suppressed} counts the others by reason.
 */
public record CampaignInvitationCounts(
        UUID campaignId,
        long issued,
        long sent,
        long opened,
        long responded,
        long failed,
        Map<String, Long> suppressed) {

    public CampaignInvitationCounts {
        suppressed = Map.copyOf(suppressed);
    }
}
