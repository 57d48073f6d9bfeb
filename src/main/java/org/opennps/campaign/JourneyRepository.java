package org.opennps.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.BatchedWrites;
import org.opennps.shared.DueCandidates;
import org.opennps.shared.PageResult;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JourneyRepository {

    private final JdbcClient jdbc;

    private final BatchedWrites writes;

    JourneyRepository(JdbcClient jdbc, BatchedWrites writes) {
        this.writes = writes;
        this.jdbc = jdbc;
    }

    /** Starts a journey unless this contact already has one for this campaign and event. */
    boolean insertIfAbsent(Journey j) {
        return jdbc.sql("""
                        insert into journey (id, workspace_id, campaign_id, campaign_version, contact_id,
                          trigger_event_id, trigger_properties, status, step_index, due_at, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(
                                j.id(),
                                j.workspaceId(),
                                j.campaignId(),
                                j.campaignVersion(),
                                j.contactId(),
                                j.triggerEventId(),
                                j.triggerProperties(),
                                j.status().code(),
                                j.stepIndex(),
                                SqlTimes.param(j.dueAt()),
                                SqlTimes.param(j.createdAt()),
                                SqlTimes.param(j.updatedAt()))
                        .update()
                > 0;
    }

    /** The status of the contact's journey of the campaign started by {@code triggerEventId}, if any. */
    Optional<String> status(UUID campaignId, UUID contactId, String triggerEventId) {
        return jdbc.sql("select status from journey where campaign_id = ? and contact_id = ? and trigger_event_id = ?")
                .params(campaignId, contactId, triggerEventId)
                .query(String.class)
                .optional();
    }

    /** The journey, locked until the transaction ends, so one step runs at a time. */
    Optional<Journey> lock(UUID id) {
        return jdbc.sql("select * from journey where id = ? for update")
                .param(id)
                .query(this::map)
                .optional();
    }

    /**
     * Up to {@code limit} other journeys waiting and due by {@code now}, from the oldest due,
     * locked until the transaction ends; rows another transaction holds are skipped, so several
     * nodes and threads claim disjoint batches. Two statements, the same on H2 and PostgreSQL
     * (see {@link DueCandidates}): a window of due ids read without locks, then a random share
     * of it locked with {@code skip locked}. Due journeys that {@code left} names are not claimed.
     */
    List<Journey> claimDue(Instant now, UUID except, int limit, java.util.function.Predicate<UUID> left) {
        if (limit < 1) {
            return List.of();
        }
        List<UUID> candidates = new java.util.ArrayList<>(
                jdbc.sql("select id from journey where status = 'waiting' and due_at <= ? and id <> ?"
                                + " order by due_at limit ?")
                        .params(SqlTimes.param(now), except, limit * DueCandidates.WINDOW)
                        .query(UUID.class)
                        .list());
        candidates.removeIf(left);
        if (candidates.isEmpty()) {
            return List.of();
        }
        // Locked by id alone, and checked for still being due on the row as locked (the latest
        // version on both databases): with "status" and "due_at" in the statement, a planner whose
        // statistics predate the burst (no analyze since the journeys were written) reads the
        // whole due range through journey_due for every claim instead of the few ids asked for.
        return jdbc
                .sql("select * from journey where id in (:ids) for update skip locked")
                .param("ids", DueCandidates.pick(candidates, limit))
                .query(this::map)
                .list()
                .stream()
                .filter(j -> j.status() == JourneyStatus.WAITING
                        && j.dueAt() != null
                        && !j.dueAt().isAfter(now.truncatedTo(ChronoUnit.MICROS)))
                .sorted(java.util.Comparator.comparing(Journey::dueAt))
                .toList();
    }

    void waitFor(UUID id, int stepIndex, Instant dueAt, Instant now) {
        jdbc.sql("update journey set step_index = ?, due_at = ?, updated_at = ? where id = ?")
                .params(stepIndex, SqlTimes.param(dueAt), SqlTimes.param(now), id)
                .update();
    }

    /** Ends the journey; inside a batch of journeys the update goes with the batch's other writes. */
    void finish(UUID id, int stepIndex, String status, String outcome, Instant invitedAt, Instant now) {
        writes.update("""
                update journey set status = ?, step_index = ?, outcome = ?, invited_at = ?, due_at = null,
                  updated_at = ? where id = ?""", status, stepIndex, abbreviate(outcome), SqlTimes.param(invitedAt), SqlTimes.param(now), id);
    }

    /**
     * Holds a journey that fell due while its campaign is not active: it keeps its due time and
     * waits at {@code stepIndex} until the campaign is activated again.
     */
    void hold(UUID id, int stepIndex, String outcome, Instant now) {
        jdbc.sql("update journey set status = 'held', step_index = ?, outcome = ?, updated_at = ? where id = ?")
                .params(stepIndex, abbreviate(outcome), SqlTimes.param(now), id)
                .update();
    }

    /** The held journeys of a campaign: id, step and generation. */
    List<Held> held(UUID campaignId) {
        return jdbc.sql("select id, step_index, resumes from journey where campaign_id = ? and status = 'held'")
                .param(campaignId)
                .query((rs, n) ->
                        new Held(rs.getObject("id", UUID.class), rs.getInt("step_index"), rs.getInt("resumes")))
                .list();
    }

    /** A held journey: where it waits, and the generation it was held in. */
    record Held(UUID id, int stepIndex, int resumes) {}

    /**
     * Moves a held journey back to waiting in its next generation, due now; false when it is no
     * longer held in generation {@code resumes} (another node or call resumed or ended it).
     */
    boolean resume(UUID id, int resumes, Instant now) {
        return jdbc.sql("""
                        update journey set status = 'waiting', resumes = resumes + 1, due_at = ?, outcome = null,
                          updated_at = ? where id = ? and status = 'held' and resumes = ?""")
                        .params(SqlTimes.param(now), SqlTimes.param(now), id, resumes)
                        .update()
                > 0;
    }

    /** Ends a journey that is still waiting or held; false when it had finished meanwhile. */
    boolean exit(UUID id, String outcome, Instant now) {
        return jdbc.sql("""
                        update journey set status = 'exited', outcome = ?, due_at = null, updated_at = ?
                        where id = ? and status in ('waiting', 'held')""")
                        .params(abbreviate(outcome), SqlTimes.param(now), id)
                        .update()
                > 0;
    }

    List<Journey> waitingOf(UUID workspaceId, UUID contactId) {
        return jdbc.sql(
                        "select * from journey where contact_id = ? and status in ('waiting', 'held') and workspace_id = ?")
                .params(contactId, workspaceId)
                .query(this::map)
                .list();
    }

    /** Waiting and held journeys of any of the contacts, in one statement for a whole event batch. */
    List<Journey> waitingOf(UUID workspaceId, java.util.Collection<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from journey where contact_id = any(?) and status in ('waiting', 'held')"
                        + " and workspace_id = ?")
                .params(contactIds.toArray(UUID[]::new), workspaceId)
                .query(this::map)
                .list();
    }

    PageResult<Journey> list(UUID workspaceId, UUID campaignId, JourneyStatus status, PageResult.Request page) {
        String filter = " where workspace_id = :ws and campaign_id = :c" + (status == null ? "" : " and status = :s");
        var count = jdbc.sql("select count(*) from journey" + filter)
                .param("ws", workspaceId)
                .param("c", campaignId);
        var select = jdbc.sql("select * from journey" + filter + " order by created_at, id limit :limit offset :offset")
                .param("ws", workspaceId)
                .param("c", campaignId)
                .param("limit", page.size())
                .param("offset", page.offset());
        if (status != null) {
            count = count.param("s", status.code());
            select = select.param("s", status.code());
        }
        return new PageResult<>(
                select.query(this::map).list(),
                page.page(),
                page.size(),
                count.query(Long.class).single());
    }

    /** Journeys per campaign, status and step, for one campaign or (null) all of the workspace. */
    List<JourneyCount> counts(UUID workspaceId, UUID campaignId) {
        return jdbc.sql("select campaign_id, status, step_index, count(*) as n from journey where workspace_id = :ws"
                        + (campaignId == null ? "" : " and campaign_id = :c")
                        + " group by campaign_id, status, step_index")
                .param("ws", workspaceId)
                .params(campaignId == null ? java.util.Map.of() : java.util.Map.of("c", campaignId))
                .query((rs, row) -> new JourneyCount(
                        rs.getObject("campaign_id", UUID.class),
                        JourneyStatus.of(rs.getString("status")),
                        rs.getInt("step_index"),
                        rs.getLong("n")))
                .list();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private Journey map(ResultSet rs, int row) throws SQLException {
        return new Journey(
                rs.getObject("id", UUID.class),
                rs.getObject("workspace_id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                rs.getInt("campaign_version"),
                rs.getObject("contact_id", UUID.class),
                rs.getString("trigger_event_id"),
                rs.getString("trigger_properties"),
                JourneyStatus.of(rs.getString("status")),
                rs.getInt("step_index"),
                SqlTimes.instant(rs, "due_at"),
                rs.getString("outcome"),
                SqlTimes.instant(rs, "created_at"),
                SqlTimes.instant(rs, "updated_at"),
                rs.getInt("resumes"));
    }
}
