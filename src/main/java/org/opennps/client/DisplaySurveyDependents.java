package org.opennps.client;

import java.util.UUID;
import org.opennps.survey.SurveyDependents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The widget's displays of a deleted survey go with it: their tokens can answer nothing any more. */
@Component
class DisplaySurveyDependents implements SurveyDependents {

    private final JdbcClient jdbc;

    DisplaySurveyDependents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void delete(UUID workspaceId, UUID surveyId) {
        jdbc.sql("delete from client_display where workspace_id = ? and survey_id = ?")
                .params(workspaceId, surveyId)
                .update();
    }
}
