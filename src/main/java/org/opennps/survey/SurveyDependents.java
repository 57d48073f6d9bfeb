package org.opennps.survey;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What another module keeps for a survey (responses, invitations, campaigns that send it), so
 * that deleting the survey can say what goes with it and take it away in the same transaction.
 * Modules that hold survey data implement it; the survey module cannot read their tables.
 */
public interface SurveyDependents {

    /** What would be deleted with the survey, counted: a plural noun ("responses") → count. */
    default Map<String, Long> counts(UUID workspaceId, UUID surveyId) {
        return Map.of();
    }

    /** Reasons the survey cannot be deleted now (e.g. the campaigns that send it); empty when it can. */
    default List<String> blockers(UUID workspaceId, UUID surveyId) {
        return List.of();
    }

    /** Deletes what this module keeps for the survey, inside the deleting transaction. */
    void delete(UUID workspaceId, UUID surveyId);
}
