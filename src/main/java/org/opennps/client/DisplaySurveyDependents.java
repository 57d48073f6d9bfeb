package org.opennps.client;

import java.util.UUID;
import org.opennps.invitation.InvitationsDeleted;
import org.opennps.survey.SurveyDependents;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The widget's displays go with their deleted survey, and with their invitations when a campaign
 * is deleted: their tokens can show and answer nothing any more, and they no longer count as
 * shown for the display rules of the survey.
 */
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

    /** In the deleting transaction, before the invitations go. */
    @EventListener
    void on(InvitationsDeleted event) {
        jdbc.sql("delete from client_display where workspace_id = :ws and invitation_id in (:ids)")
                .param("ws", event.workspaceId())
                .param("ids", event.invitationIds())
                .update();
    }
}
