package org.opennps.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.PageResult;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CampaignRepository {

    /** A campaign with the definition (JSON) of its current version. */
    record Row(
            UUID id,
            UUID workspaceId,
            String name,
            UUID surveyId,
            String status,
            String triggerEventType,
            int version,
            String definition,
            Instant createdAt,
            Instant updatedAt) {}

    private static final String SELECT = """
            select c.*, v.definition from campaign c
            join campaign_version v on v.campaign_id = c.id and v.version = c.version
            """;

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row row) {
        jdbc.sql("""
                        insert into campaign (id, workspace_id, name, survey_id, status, trigger_event_type, version,
                          created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        row.id(),
                        row.workspaceId(),
                        row.name(),
                        row.surveyId(),
                        row.status(),
                        row.triggerEventType(),
                        row.version(),
                        SqlTimes.param(row.createdAt()),
                        SqlTimes.param(row.updatedAt()))
                .update();
        insertVersion(row);
    }

    /** Saves a new version; false when another edit saved this version number first. */
    boolean update(Row row) {
        int updated = jdbc.sql("""
                        update campaign set name = ?, survey_id = ?, status = ?, trigger_event_type = ?, version = ?,
                          updated_at = ? where id = ? and workspace_id = ? and version = ?""")
                .params(
                        row.name(),
                        row.surveyId(),
                        row.status(),
                        row.triggerEventType(),
                        row.version(),
                        SqlTimes.param(row.updatedAt()),
                        row.id(),
                        row.workspaceId(),
                        row.version() - 1)
                .update();
        if (updated == 0) {
            return false;
        }
        insertVersion(row);
        return true;
    }

    private void insertVersion(Row row) {
        jdbc.sql("insert into campaign_version (campaign_id, version, definition, created_at) values (?, ?, ?, ?)")
                .params(row.id(), row.version(), row.definition(), SqlTimes.param(row.updatedAt()))
                .update();
    }

    int setStatus(UUID workspaceId, UUID id, String status, Instant now) {
        return jdbc.sql("update campaign set status = ?, updated_at = ? where id = ? and workspace_id = ?")
                .params(status, SqlTimes.param(now), id, workspaceId)
                .update();
    }

    Optional<Row> find(UUID workspaceId, UUID id) {
        return jdbc.sql(SELECT + " where c.id = ? and c.workspace_id = ?")
                .params(id, workspaceId)
                .query(this::map)
                .optional();
    }

    Optional<String> status(UUID campaignId) {
        return jdbc.sql("select status from campaign where id = ?")
                .param(campaignId)
                .query(String.class)
                .optional();
    }

    PageResult<Row> list(UUID workspaceId, PageResult.Request page) {
        long total = jdbc.sql("select count(*) from campaign where workspace_id = ?")
                .param(workspaceId)
                .query(Long.class)
                .single();
        List<Row> rows = jdbc.sql(SELECT + " where c.workspace_id = ? order by c.created_at, c.id limit ? offset ?")
                .params(workspaceId, page.size(), page.offset())
                .query(this::map)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    /** Campaigns with ({@code archived} true) or without (false) status {@code archived}; null: all. */
    PageResult<Row> list(UUID workspaceId, Boolean archived, PageResult.Request page) {
        if (archived == null) {
            return list(workspaceId, page);
        }
        String where = " where c.workspace_id = ? and c.status " + (archived ? "=" : "<>") + " 'archived'";
        long total = jdbc.sql("select count(*) from campaign c" + where)
                .param(workspaceId)
                .query(Long.class)
                .single();
        List<Row> rows = jdbc.sql(SELECT + where + " order by c.created_at, c.id limit ? offset ?")
                .params(workspaceId, page.size(), page.offset())
                .query(this::map)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    /** Names of the campaigns whose current version sends, or names in its audience, this survey. */
    List<String> namesUsing(UUID workspaceId, UUID surveyId) {
        return jdbc.sql(SELECT
                        + " where c.workspace_id = ? and (c.survey_id = ? or v.definition like ?) order by c.name")
                .params(workspaceId, surveyId, "%" + surveyId + "%")
                .query((rs, i) -> rs.getString("name"))
                .list();
    }

    /** Deletes the campaign; its versions, journeys and daily counts go on cascade. */
    int delete(UUID workspaceId, UUID id) {
        return jdbc.sql("delete from campaign where id = ? and workspace_id = ?")
                .params(id, workspaceId)
                .update();
    }

    /** Active campaigns of the workspace triggered by one of {@code eventTypes} (an index look-up). */
    List<Row> activeFor(UUID workspaceId, Collection<String> eventTypes) {
        return jdbc.sql(SELECT + " where c.workspace_id = :ws and c.status = 'active'"
                        + " and c.trigger_event_type in (:types)")
                .param("ws", workspaceId)
                .param("types", List.copyOf(eventTypes))
                .query(this::map)
                .list();
    }

    Optional<String> definition(UUID campaignId, int version) {
        return jdbc.sql("select definition from campaign_version where campaign_id = ? and version = ?")
                .params(campaignId, version)
                .query(String.class)
                .optional();
    }

    /**
     * Counts one more action for the campaign on {@code day} unless {@code cap} is reached;
     * false when it is. The conditional update keeps concurrent journeys within the cap.
     */
    boolean takeDailySlot(UUID campaignId, java.time.LocalDate day, int cap) {
        jdbc.sql(
                        "insert into campaign_daily_count (campaign_id, count_day, sent) values (?, ?, 0) on conflict do nothing")
                .params(campaignId, day)
                .update();
        return jdbc.sql(
                                "update campaign_daily_count set sent = sent + 1 where campaign_id = ? and count_day = ? and sent < ?")
                        .params(campaignId, day, cap)
                        .update()
                > 0;
    }

    int dailyCount(UUID campaignId, java.time.LocalDate day) {
        return jdbc.sql("select sent from campaign_daily_count where campaign_id = ? and count_day = ?")
                .params(campaignId, day)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    private Row map(ResultSet rs, int row) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("workspace_id", UUID.class),
                rs.getString("name"),
                rs.getObject("survey_id", UUID.class),
                rs.getString("status"),
                rs.getString("trigger_event_type"),
                rs.getInt("version"),
                rs.getString("definition"),
                SqlTimes.instant(rs, "created_at"),
                SqlTimes.instant(rs, "updated_at"));
    }
}
