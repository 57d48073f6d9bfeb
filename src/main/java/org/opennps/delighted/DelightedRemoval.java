package org.opennps.delighted;

import java.util.UUID;
import org.opennps.response.ResponsesDeleted;
import org.opennps.survey.SurveyDependents;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A deleted survey stops being the workspace's Delighted survey (the next Delighted call makes a
 * new one) and takes its survey requests along; deleted responses take their tags and notes.
 */
@Component
class DelightedRemoval implements SurveyDependents {

    private final JdbcClient jdbc;

    DelightedRemoval(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void delete(UUID workspaceId, UUID surveyId) {
        int mapped = jdbc.sql("delete from delighted_survey where workspace_id = ? and survey_id = ?")
                .params(workspaceId, surveyId)
                .update();
        if (mapped > 0) {
            jdbc.sql("delete from delighted_survey_request where workspace_id = ?")
                    .param(workspaceId)
                    .update();
        }
    }

    @EventListener
    void on(ResponsesDeleted event) {
        jdbc.sql("delete from delighted_response_extra where workspace_id = :ws and response_id in (:ids)")
                .param("ws", event.workspaceId())
                .param("ids", event.responseIds())
                .update();
    }
}
