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
        FatigueRules.History consentOnly =
                new FatigueRules.History(contact.id(), contact.unsubscribedAt(), contact.bouncedAt(), null, null);
        Optional<String> noConsent = FatigueRules.consent(consentOnly);
        if (noConsent.isPresent()) {
            return FatigueDecision.suppressed(noConsent.get());
        }
        Workspace ws = workspaces.get(workspaceId);
        Instant now = clock.instant();
        FatigueRules.History history = survey
                ? new FatigueRules.History(
                        contact.id(),
                        null,
                        null,
                        responses.lastRespondedAt(ws.id(), contact.id()).orElse(null),
                        invitations.lastInvitedAt(ws.id(), contact.id()).orElse(null))
                : consentOnly;
        FatigueRules.Windows windows = new FatigueRules.Windows(
                ws.settings().recontactAfterResponseDuration(), ws.settings().recontactAfterInvitationDuration());
        FatigueRules.DailySlot slot = null;
        if (dailyCap != null) {
            LocalDate day = now.atZone(ws.zone()).toLocalDate();
            slot = count
                    ? () -> campaigns.takeDailySlot(campaignId, day, dailyCap)
                    : () -> campaigns.dailyCount(campaignId, day) < dailyCap;
        }
        return FatigueRules.decide(history, windows, now, campaignId, samplingPercent, survey, slot);
    }

    /** See {@link FatigueRules#sampledIn}. */
    static boolean sampledIn(UUID contactId, UUID campaignId, int percent) {
        return FatigueRules.sampledIn(contactId, campaignId, percent);
    }
}
