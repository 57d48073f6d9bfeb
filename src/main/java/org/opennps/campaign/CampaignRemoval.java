package org.opennps.campaign;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.invitation.InvitationService;
import org.opennps.response.ResponseService;
import org.opennps.shared.ConflictException;
import org.opennps.shared.NotFoundException;
import org.opennps.survey.SurveyDependents;
import org.opennps.survey.SurveyService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retiring campaigns: archiving (status {@code archived}: no new journeys, waiting ones held,
 * counts and analytics kept, hidden from lists) and deleting with everything it produced. Also
 * tells the survey module which campaigns still send a survey, so that survey is not deleted
 * under them.
 */
@Service
@Order(5)
public class CampaignRemoval implements SurveyDependents {

    static final String ARCHIVED = "archived";

    private final CampaignRepository campaigns;
    private final JourneyRepository journeys;
    private final ResponseService responses;
    private final InvitationService invitations;
    private final Clock clock;

    CampaignRemoval(
            CampaignRepository campaigns,
            JourneyRepository journeys,
            ResponseService responses,
            InvitationService invitations,
            Clock clock) {
        this.campaigns = campaigns;
        this.journeys = journeys;
        this.responses = responses;
        this.invitations = invitations;
        this.clock = clock;
    }

    /** Archives the campaign: it starts no journey, waiting ones are held where they are. */
    @Transactional
    public void archive(UUID workspaceId, UUID id) {
        row(workspaceId, id);
        campaigns.setStatus(workspaceId, id, ARCHIVED, clock.instant());
    }

    /** Brings an archived campaign back, paused: it runs again once activated. */
    @Transactional
    public void unarchive(UUID workspaceId, UUID id) {
        if (ARCHIVED.equals(row(workspaceId, id).status())) {
            campaigns.setStatus(workspaceId, id, "paused", clock.instant());
        }
    }

    /** What deleting the campaign would remove; changes nothing. */
    public CampaignDeletion deletion(UUID workspaceId, UUID id) {
        CampaignRepository.Row row = row(workspaceId, id);
        Map<String, Long> removed = new LinkedHashMap<>();
        removed.put(
                "journeys",
                journeys.counts(workspaceId, id).stream()
                        .mapToLong(JourneyCount::count)
                        .sum());
        removed.put("invitations", invitations.countOf(workspaceId, null, id));
        removed.put("responses", responses.countOf(workspaceId, null, id));
        return new CampaignDeletion(id, row.name(), removed);
    }

    /**
     * Deletes the campaign with its journeys, invitations and the responses given to them
     * (their cases and analytics too). One holding any of them is deleted only with
     * {@code confirmed} (else 409 with the counts).
     */
    @Transactional
    public CampaignDeletion delete(UUID workspaceId, UUID id, boolean confirmed) {
        CampaignDeletion deletion = deletion(workspaceId, id);
        if (deletion.needsConfirmation() && !confirmed) {
            throw new ConflictException(
                    "confirm",
                    "Deleting this campaign also deletes " + SurveyService.describe(deletion.removed())
                            + ". Archive it to keep them, or confirm the deletion (confirm=true).");
        }
        responses.deleteOf(workspaceId, null, id);
        invitations.deleteOf(workspaceId, null, id);
        campaigns.delete(workspaceId, id);
        return deletion;
    }

    @Override
    public List<String> blockers(UUID workspaceId, UUID surveyId) {
        List<String> names = campaigns.namesUsing(workspaceId, surveyId);
        if (names.isEmpty()) {
            return List.of();
        }
        return List.of("The survey is used by the campaign" + (names.size() > 1 ? "s " : " ")
                + String.join(", ", names) + ": delete "
                + (names.size() > 1 ? "them" : "it") + " or let "
                + (names.size() > 1 ? "them" : "it") + " send another survey first.");
    }

    @Override
    public void delete(UUID workspaceId, UUID surveyId) {
        // nothing of the campaign module's goes with a survey: a survey in use is not deleted
    }

    private CampaignRepository.Row row(UUID workspaceId, UUID id) {
        return campaigns.find(workspaceId, id).orElseThrow(() -> new NotFoundException("Campaign"));
    }
}
