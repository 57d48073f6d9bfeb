package org.opennps.campaign;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactService;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.opennps.workspace.Workspace;
import org.opennps.workspace.WorkspaceService;

/**
 * What the journeys of one batch share, read once for the batch inside its transaction: the
 * workspaces (settings, sender, brand), campaign statuses, surveys, the journeys' contacts and
 * the contacts' history for the recontact windows. Lives for one transaction only, so nothing
 * it holds can go stale across batches or nodes.
 */
final class JourneyBatch {

    private final WorkspaceService workspaces;
    private final SurveyService surveys;
    private final CampaignRepository campaigns;
    private final ContactService contacts;
    private final FatiguePolicy fatigue;

    private final Map<UUID, Set<UUID>> contactIdsByWorkspace = new HashMap<>();
    private final Map<UUID, Workspace> workspaceById = new HashMap<>();
    private final Map<UUID, String> statusByCampaign = new HashMap<>();
    private final Map<String, Survey> surveyById = new HashMap<>();
    private final Map<UUID, Map<UUID, Contact>> contactsByWorkspace = new HashMap<>();
    private final Map<UUID, FatiguePolicy.History> historyByWorkspace = new HashMap<>();
    private final Map<String, Integer> sharePercentByCampaign = new HashMap<>();

    JourneyBatch(
            WorkspaceService workspaces,
            SurveyService surveys,
            CampaignRepository campaigns,
            ContactService contacts,
            FatiguePolicy fatigue,
            Collection<Journey> journeys) {
        this.workspaces = workspaces;
        this.surveys = surveys;
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.fatigue = fatigue;
        for (Journey journey : journeys) {
            contactIdsByWorkspace
                    .computeIfAbsent(journey.workspaceId(), w -> new HashSet<>())
                    .add(journey.contactId());
        }
    }

    Workspace workspace(UUID workspaceId) {
        return workspaceById.computeIfAbsent(workspaceId, workspaces::get);
    }

    /** The campaign's status now ({@code deleted} when it is gone). */
    String campaignStatus(UUID campaignId) {
        return statusByCampaign.computeIfAbsent(
                campaignId, id -> campaigns.status(id).orElse("deleted"));
    }

    /** The share the journey's campaign samples: fixed, or planned for its precision (read once per batch). */
    int samplingPercent(Journey journey, CampaignDefinition campaign, PrecisionSampling sampling) {
        if (campaign.precision() == null) {
            return campaign.samplingPercent();
        }
        return sharePercentByCampaign.computeIfAbsent(
                journey.campaignId() + "#" + journey.campaignVersion(),
                key -> sampling.percent(
                        journey.workspaceId(), journey.campaignId(), journey.campaignVersion(), campaign));
    }

    Survey survey(UUID workspaceId, UUID surveyId) {
        return surveyById.computeIfAbsent(workspaceId + ":" + surveyId, key -> surveys.get(workspaceId, surveyId));
    }

    /** The journey's contact, empty when it was erased; all of the batch's contacts of a workspace in one read. */
    Optional<Contact> contact(UUID workspaceId, UUID contactId) {
        Map<UUID, Contact> loaded = contactsByWorkspace.computeIfAbsent(workspaceId, ws -> {
            Map<UUID, Contact> byId = new HashMap<>();
            contacts.findAll(ws, contactIdsByWorkspace.getOrDefault(ws, Set.of()))
                    .forEach(c -> byId.put(c.id(), c));
            return byId;
        });
        if (!loaded.containsKey(contactId)
                && !contactIdsByWorkspace.getOrDefault(workspaceId, Set.of()).contains(contactId)) {
            return contacts.find(workspaceId, contactId);
        }
        return Optional.ofNullable(loaded.get(contactId));
    }

    /** The recontact history of all the batch's contacts of a workspace, read on first use. */
    FatiguePolicy.History history(UUID workspaceId) {
        return historyByWorkspace.computeIfAbsent(
                workspaceId,
                ws -> FatiguePolicy.History.preloaded(
                        fatigue, workspace(ws), contactIdsByWorkspace.getOrDefault(ws, Set.of())));
    }
}
