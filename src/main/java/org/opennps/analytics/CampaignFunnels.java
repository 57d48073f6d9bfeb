package org.opennps.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.opennps.invitation.CampaignInvitationCounts;
import org.opennps.invitation.InvitationService;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Campaign funnels: the invitation stages come from the invitation module, the comments from
 * analytics' own facts (responses keep the campaign and invitation they answered).
 */
@Service
class CampaignFunnels {

    private final InvitationService invitations;
    private final FactQueries facts;

    CampaignFunnels(InvitationService invitations, FactQueries facts) {
        this.invitations = invitations;
        this.facts = facts;
    }

    /** One campaign; 404 when it never invited anyone in this workspace. */
    CampaignFunnel of(UUID ws, UUID campaignId, Instant since, Instant until) {
        checkPeriod(since, until);
        if (!invitations.campaignInvited(ws, campaignId)) {
            throw new NotFoundException("Campaign");
        }
        return invitations.campaignCounts(ws, campaignId, since, until).stream()
                .findFirst()
                .map(c -> funnel(c, facts.commentedByCampaign(ws, campaignId, since, until)))
                .orElse(new CampaignFunnel(campaignId, 0, 0, 0, 0, 0, 0, Map.of()));
    }

    /** Every campaign with invitations in the period, ordered by campaign id. */
    List<CampaignFunnel> all(UUID ws, Instant since, Instant until) {
        checkPeriod(since, until);
        Map<UUID, Long> commented = facts.commentedByCampaign(ws, null, since, until);
        return invitations.campaignCounts(ws, null, since, until).stream()
                .map(c -> funnel(c, commented))
                .toList();
    }

    private static CampaignFunnel funnel(CampaignInvitationCounts c, Map<UUID, Long> commented) {
        // comments are counted by answer time, invitations by issue time: never more than responded
        long comments = Math.min(c.responded(), commented.getOrDefault(c.campaignId(), 0L));
        return new CampaignFunnel(
                c.campaignId(),
                c.issued(),
                c.sent(),
                c.opened(),
                c.responded(),
                comments,
                c.failed(),
                new TreeMap<>(c.suppressed()));
    }

    private static void checkPeriod(Instant since, Instant until) {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new InvalidInputException("until", "must be after since");
        }
    }
}
