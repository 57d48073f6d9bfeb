package org.opennps.campaign;

import java.util.Map;
import java.util.UUID;

/** What deleting a campaign would take with it: journeys, invitations and responses, counted. */
public record CampaignDeletion(UUID campaignId, String name, Map<String, Long> removed) {

    public CampaignDeletion {
        removed = Map.copyOf(removed);
    }

    /** True when the campaign holds data that would be lost, so the person deleting must confirm. */
    public boolean needsConfirmation() {
        return removed.values().stream().anyMatch(n -> n > 0);
    }

    public long count(String kind) {
        return removed.getOrDefault(kind, 0L);
    }
}
