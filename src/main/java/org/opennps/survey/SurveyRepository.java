package org.opennps.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.PageResult;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class SurveyRepository {

    private static final String COLUMNS = "id, name, definition, created_at, updated_at";
    private static final String SELECT = "select " + COLUMNS + ", archived_at from survey";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SurveyRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID workspaceId, Survey s) {
        jdbc.sql("insert into survey (" + COLUMNS + ", workspace_id) values (?, ?, ?, ?, ?, ?)")
                .params(
                        s.id(),
                        s.name(),
                        definition(s),
                        SqlTimes.param(s.createdAt()),
                        SqlTimes.param(s.updatedAt()),
                        workspaceId)
                .update();
    }

    int update(UUID workspaceId, Survey s) {
        return jdbc.sql("update survey set name = ?, definition = ?, updated_at = ? where workspace_id = ? and id = ?")
                .params(s.name(), definition(s), SqlTimes.param(s.updatedAt()), workspaceId, s.id())
                .update();
    }

    Optional<Survey> find(UUID workspaceId, UUID id) {
        return jdbc.sql(SELECT + " where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .query(this::map)
                .optional();
    }

    Optional<UUID> workspaceOf(UUID id) {
        return jdbc.sql("select workspace_id from survey where id = ?")
                .param(id)
                .query(UUID.class)
                .optional();
    }

    /** Newest first; {@code archived} null lists every survey, true only archived ones, false the others. */
    PageResult<Survey> list(UUID workspaceId, Boolean archived, PageResult.Request page) {
        String where = " where workspace_id = ?"
                + (archived == null ? "" : archived ? " and archived_at is not null" : " and archived_at is null");
        long total = jdbc.sql("select count(*) from survey" + where)
                .param(workspaceId)
                .query(Long.class)
                .single();
        var items = jdbc.sql(SELECT + where + " order by created_at desc, id limit ? offset ?")
                .params(workspaceId, page.size(), page.offset())
                .query(this::map)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Archives (a time) or restores (null) a survey; false when the workspace has no such survey. */
    boolean setArchived(UUID workspaceId, UUID id, java.time.Instant archivedAt) {
        return jdbc.sql("update survey set archived_at = ? where workspace_id = ? and id = ?")
                        .params(SqlTimes.param(archivedAt), workspaceId, id)
                        .update()
                > 0;
    }

    void delete(UUID workspaceId, UUID id) {
        jdbc.sql("delete from survey where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .update();
    }

    /**
     * Surveys in use (not archived) whose definition holds display rules. The text test only narrows the rows; the
     * reader decides. A workspace has tens of surveys, so this stays one short query.
     */
    java.util.List<Survey> withDisplay(UUID workspaceId) {
        return jdbc
                .sql(SELECT + " where workspace_id = ? and archived_at is null and definition like ?"
                        + " order by created_at, id")
                .params(workspaceId, "%\"display\"%")
                .query(this::map)
                .list()
                .stream()
                .filter(s -> s.display() != null)
                .toList();
    }

    /** The body as the API takes it, so stored surveys are read back by the same rules. */
    private String definition(Survey s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", s.name());
        body.put("questions", s.questions());
        body.put("thank_you", s.thankYou());
        if (s.invitationExpiry() != null) {
            body.put("invitation_expiry", s.invitationExpiry());
        }
        if (s.display() != null) {
            body.put("display", s.display());
        }
        if (s.title() != null) {
            body.put("title", s.title());
        }
        return json.writeValueAsString(body);
    }

    private Survey map(ResultSet rs, int row) throws SQLException {
        SurveyDraft draft = SurveyReader.read(json.readTree(rs.getString("definition")));
        return new Survey(
                rs.getObject("id", UUID.class),
                draft.name(),
                draft.questions(),
                draft.thankYou(),
                draft.invitationExpiry(),
                SqlTimes.instant(rs, "created_at"),
                SqlTimes.instant(rs, "updated_at"),
                draft.display(),
                draft.title(),
                SqlTimes.instant(rs, "archived_at"));
    }
}
