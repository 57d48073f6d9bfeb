package org.opennps.loop;

import org.opennps.response.ResponsesDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cases of deleted responses go with them, in the deleting transaction: notes and the
 * conversation on cascade, and the rules' record of having fired for them.
 */
@Component
class CaseRemoval {

    private final JdbcClient jdbc;

    CaseRemoval(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ResponsesDeleted event) {
        jdbc.sql("delete from feedback_case where workspace_id = :ws and response_id in (:ids)")
                .param("ws", event.workspaceId())
                .param("ids", event.responseIds())
                .update();
        jdbc.sql("delete from alert_firing where response_id in (:ids)"
                        + " and rule_id in (select id from alert_rule where workspace_id = :ws)")
                .param("ws", event.workspaceId())
                .param("ids", event.responseIds())
                .update();
    }
}
