package org.opennps.delighted;

import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.InvalidInputException;
import org.opennps.survey.SurveyService;
import org.springframework.stereotype.Component;

/**
 * Delighted's trends are sub-groups of its one survey, each with an id; OpenNPS's counterpart
 * is a survey. So {@code trend=<survey id>} selects that survey of the workspace instead of the
 * Delighted survey, for responses and metrics alike.
 */
@Component
class Trends {

    private final SurveyService surveys;
    private final DelightedSurvey delighted;

    Trends(SurveyService surveys, DelightedSurvey delighted) {
        this.surveys = surveys;
        this.delighted = delighted;
    }

    /** The survey to read: the trend's, or the Delighted survey when no trend is given (if any). */
    Optional<UUID> survey(UUID workspaceId, String trend) {
        if (trend == null || trend.isBlank()) {
            return delighted.find(workspaceId);
        }
        return Optional.of(PersonIds.find(trend)
                .flatMap(id -> surveys.find(workspaceId, id))
                .orElseThrow(() -> new InvalidInputException("trend", "is not the id of a survey of this account"))
                .id());
    }
}
