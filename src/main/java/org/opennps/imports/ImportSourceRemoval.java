package org.opennps.imports;

import org.opennps.response.ResponsesDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A deleted imported response may be imported again: its source id is forgotten with it. */
@Component
class ImportSourceRemoval {

    private final JdbcClient jdbc;

    ImportSourceRemoval(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ResponsesDeleted event) {
        jdbc.sql("delete from import_source where workspace_id = :ws and response_id in (:ids)")
                .param("ws", event.workspaceId())
                .param("ids", event.responseIds())
                .update();
    }
}
