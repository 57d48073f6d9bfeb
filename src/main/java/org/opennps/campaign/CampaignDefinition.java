package org.opennps.campaign;

import java.util.List;
import java.util.UUID;

/** What a campaign does, as validated from its JSON. Immutable: an edit makes a new version. */
record CampaignDefinition(
        String name,
        UUID surveyId,
        String status,
        String triggerEventType,
        List<Condition> where,
        List<String> exitOn,
        int samplingPercent,
        Integer dailyCap,
        List<Step> steps) {

    Step.Action action() {
        return (Step.Action) steps.getLast();
    }
}
