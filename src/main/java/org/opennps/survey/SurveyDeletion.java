package org.opennps.survey;

import java.util.List;
import java.util.Map;

/**
 * What deleting a survey would take with it: counts per kind (responses, invitations …), and the
 * reasons it cannot be deleted now (empty when it can).
 */
public record SurveyDeletion(Survey survey, Map<String, Long> removed, List<String> blockers) {

    public SurveyDeletion {
        removed = Map.copyOf(removed);
        blockers = List.copyOf(blockers);
    }

    /** True when the survey holds data that would be lost, so the person deleting must confirm. */
    public boolean needsConfirmation() {
        return removed.values().stream().anyMatch(n -> n > 0);
    }

    public long count(String kind) {
        return removed.getOrDefault(kind, 0L);
    }
}
