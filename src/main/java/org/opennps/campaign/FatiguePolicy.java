package org.opennps.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.opennps.contact.Contact;
import org.opennps.invitation.InvitationService;
import org.opennps.response.ResponseService;
import org.opennps.workspace.Workspace;
import org.opennps.workspace.WorkspaceService;
import org.springframework.stereotype.Service;

/**
 * The one rule set that decides, for every channel (e-mail, widget, webhook), whether a
 * person may be asked for feedback now: consent, the workspace's recontact windows, sticky
 * sampling and the campaign's daily cap.
 */
@Service
public class FatiguePolicy {

    private final WorkspaceService workspaces;
    private final InvitationService invitations;
    private final ResponseService responses;
    private final CampaignRepository campaigns;
    private final Clock clock;

    FatiguePolicy(
            WorkspaceService workspaces,
            InvitationService invitations,
            ResponseService responses,
            CampaignRepository campaigns,
            Clock clock) {
        this.workspaces = workspaces;
        this.invitations = invitations;
        this.responses = responses;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /**
     * Decides for a survey invitation of {@code campaignId} and, when allowed, counts it
     * against the daily cap (call inside the transaction that creates the invitation).
     *
     * @param dailyCap most invitations of the campaign per day in the workspace zone, or null
     */
    public FatigueDecision mayInvite(
            UUID workspaceId, Contact contact, UUID campaignId, int samplingPercent, Integer dailyCap) {
        return decide(workspaceId, contact, campaignId, samplingPercent, dailyCap, true, true);
    }

    /** The same decision without counting anything, for previews. */
    public FatigueDecision wouldInvite(
            UUID workspaceId, Contact contact, UUID campaignId, int samplingPercent, Integer dailyCap) {
        return decide(workspaceId, contact, campaignId, samplingPercent, dailyCap, true, false);
    }

    FatigueDecision decide(
            UUID workspaceId,
            Contact contact,
            UUID campaignId,
            int samplingPercent,
            Integer dailyCap,
            boolean survey,
            boolean count) {
        if (contact.unsubscribedAt() != null) {
            return FatigueDecision.suppressed("unsubscribed");
        }
        if (contact.bouncedAt() != null) {
            return FatigueDecision.suppressed("bounced");
        }
        Workspace ws = workspaces.get(workspaceId);
        return decide(ws, contact, campaignId, samplingPercent, dailyCap, survey, count, History.of(this, ws));
    }

    /**
     * What the recontact windows need to know of a contact: the latest counted response and the
     * latest invitation shown. A batch of journeys reads both for all its contacts at once.
     */
    interface History {
        Optional<Instant> lastResponded(UUID contactId);

        Optional<Instant> lastInvited(UUID contactId);

        /** One look-up per question, for a single decision. */
        static History of(FatiguePolicy policy, Workspace ws) {
            return new History() {
                @Override
                public Optional<Instant> lastResponded(UUID contactId) {
                    return policy.responses.lastRespondedAt(ws.id(), contactId);
                }

                @Override
                public Optional<Instant> lastInvited(UUID contactId) {
                    return policy.invitations.lastInvitedAt(ws.id(), contactId);
                }
            };
        }

        /** Both questions answered for many contacts by one statement each. */
        static History preloaded(FatiguePolicy policy, Workspace ws, java.util.Collection<UUID> contactIds) {
            java.util.Map<UUID, Instant> responded = policy.responses.lastRespondedAt(ws.id(), contactIds);
            java.util.Map<UUID, Instant> invited = policy.invitations.lastInvitedAt(ws.id(), contactIds);
            return new History() {
                @Override
                public Optional<Instant> lastResponded(UUID contactId) {
                    return Optional.ofNullable(responded.get(contactId));
                }

                @Override
                public Optional<Instant> lastInvited(UUID contactId) {
                    return Optional.ofNullable(invited.get(contactId));
                }
            };
        }
    }

    /** The decision with the workspace and the contacts' history at hand (a batch of journeys). */
    FatigueDecision decide(
            Workspace ws,
            Contact contact,
            UUID campaignId,
            int samplingPercent,
            Integer dailyCap,
            boolean survey,
            boolean count,
            History history) {
        Instant now = clock.instant();
        FatigueRules.History person = new FatigueRules.History(
                contact.id(),
                contact.unsubscribedAt(),
                contact.bouncedAt(),
                survey ? history.lastResponded(contact.id()).orElse(null) : null,
                survey ? history.lastInvited(contact.id()).orElse(null) : null);
        FatigueRules.Windows windows = new FatigueRules.Windows(
                ws.settings().recontactAfterResponseDuration(), ws.settings().recontactAfterInvitationDuration());
        FatigueRules.DailySlot slot = null;
        if (dailyCap != null) {
            LocalDate day = now.atZone(ws.zone()).toLocalDate();
            slot = count
                    ? () -> campaigns.takeDailySlot(campaignId, day, dailyCap)
                    : () -> campaigns.dailyCount(campaignId, day) < dailyCap;
        }
        return FatigueRules.decide(person, windows, now, campaignId, samplingPercent, survey, slot);
    }

    /** See {@link FatigueRules#sampledIn}. */
    static boolean sampledIn(UUID contactId, UUID campaignId, int percent) {
        return FatigueRules.sampledIn(contactId, campaignId, percent);
    }
}
