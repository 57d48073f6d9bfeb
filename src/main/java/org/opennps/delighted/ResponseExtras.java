package org.opennps.delighted;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Delighted's tags and notes of responses, which OpenNPS's responses do not carry themselves. */
@Repository
class ResponseExtras {

    record Extra(List<String> tags, List<Views.Note> notes) {
        static final Extra NONE = new Extra(List.of(), List.of());
    }

    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {};
    private static final TypeReference<List<Views.Note>> NOTES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonMapper json;
    private final Clock clock;

    ResponseExtras(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
        this.clock = clock;
    }

    /**
     * {@link #save} for many responses: one batch of inserts, and one of updates for the
     * responses that had extras already.
     */
    void saveAll(UUID workspaceId, Map<UUID, Extra> extras) {
        if (extras.isEmpty()) {
            return;
        }
        Object now = SqlTimes.param(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        extras.forEach((id, extra) -> rows.add(new Object[] {
            json.writeValueAsString(extra.tags()), json.writeValueAsString(extra.notes()), now, workspaceId, id
        }));
        int[] inserted = batches.batchUpdate(
                "insert into delighted_response_extra (tags, notes, updated_at, workspace_id, response_id)"
                        + " values (?, ?, ?, ?, ?) on conflict do nothing",
                rows);
        List<Object[]> existing = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == 0) {
                existing.add(rows.get(i));
            }
        }
        if (!existing.isEmpty()) {
            batches.batchUpdate(
                    "update delighted_response_extra set tags = ?, notes = ?, updated_at = ?"
                            + " where workspace_id = ? and response_id = ?",
                    existing);
        }
    }

    Extra of(UUID workspaceId, UUID responseId) {
        return of(workspaceId, List.of(responseId)).getOrDefault(responseId, Extra.NONE);
    }

    /** The extras of a page of responses in one statement; responses without any are absent. */
    Map<UUID, Extra> of(UUID workspaceId, Collection<UUID> responseIds) {
        Map<UUID, Extra> found = new HashMap<>();
        if (responseIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select response_id, tags, notes from delighted_response_extra"
                        + " where workspace_id = ? and response_id = any(?)")
                .params(workspaceId, responseIds.toArray(UUID[]::new))
                .query(rs -> {
                    found.put(
                            rs.getObject(1, UUID.class),
                            new Extra(json.readValue(rs.getString(2), TAGS), json.readValue(rs.getString(3), NOTES)));
                });
        return found;
    }

    void save(UUID workspaceId, UUID responseId, Extra extra) {
        String tags = json.writeValueAsString(extra.tags());
        String notes = json.writeValueAsString(extra.notes());
        Object now = SqlTimes.param(clock.instant());
        int updated = jdbc.sql("update delighted_response_extra set tags = ?, notes = ?, updated_at = ?"
                        + " where workspace_id = ? and response_id = ?")
                .params(tags, notes, now, workspaceId, responseId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into delighted_response_extra (response_id, workspace_id, tags, notes, updated_at)"
                            + " values (?, ?, ?, ?, ?) on conflict do nothing")
                    .params(responseId, workspaceId, tags, notes, now)
                    .update();
        }
    }
}
