package org.opennps.response;

import java.util.Map;
import java.util.UUID;
import org.opennps.survey.SurveyDependents;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A survey's responses go with it (before its invitations, which they point at). */
@Component
@Order(10)
class ResponseSurveyDependents implements SurveyDependents {

    private final ResponseService responses;

    ResponseSurveyDependents(ResponseService responses) {
        this.responses = responses;
    }

    @Override
    public Map<String, Long> counts(UUID workspaceId, UUID surveyId) {
        return Map.of("responses", responses.countOf(workspaceId, surveyId, null));
    }

    @Override
    public void delete(UUID workspaceId, UUID surveyId) {
        responses.deleteOf(workspaceId, surveyId, null);
    }
}
