package org.opennps.invitation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.BatchedWrites;
import org.opennps.shared.Coded;
import org.opennps.shared.JsonObjectText;
import org.opennps.shared.PageResult;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class InvitationRepository {

    static final String COLUMNS = "id, workspace_id, survey_id, contact_id, campaign_id, journey_id, channel, status,"
            + " reason, token_nonce, event_properties, created_at, sent_at, opened_at, responded_at, expires_at";
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
    /** Open invitations whose time is up count as expired even before anything marks them. */
    private static final String STATUS = "case when status in ('scheduled', 'sent', 'opened') and expires_at <= :now"
            + " then 'expired' else status end";

    /** A stored invitation with what never leaves this module. */
    record Row(Invitation invitation, String nonce, Map<String, Object> eventProperties) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final BatchedWrites writes;

    InvitationRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, BatchedWrites writes) {
        this.writes = writes;
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** Inserts the invitation; inside a batch of journeys the row goes with the batch's other writes. */
    void insert(Invitation i, String nonce, Map<String, Object> eventProperties) {
        writes.update(
                "insert into invitation (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                i.id(),
                i.workspaceId(),
                i.surveyId(),
                i.contactId(),
                i.campaignId(),
                i.journeyId(),
                i.channel().code(),
                i.status().code(),
                i.reason(),
                nonce,
                JsonObjectText.write(eventProperties, json),
                SqlTimes.param(i.createdAt()),
                SqlTimes.param(i.sentAt()),
                SqlTimes.param(i.openedAt()),
                SqlTimes.param(i.respondedAt()),
                SqlTimes.param(i.expiresAt()));
    }

    Optional<Row> find(UUID workspaceId, UUID id, Instant now) {
        return jdbc.sql("select " + COLUMNS + ", " + STATUS + " as effective from invitation"
                        + " where workspace_id = :ws and id = :id")
                .param("ws", workspaceId)
                .param("id", id)
                .param("now", SqlTimes.param(now))
                .query(this::map)
                .optional();
    }

    /** By id alone: only for resolving a link token, whose signature was checked. */
    Optional<Row> findForToken(UUID id, Instant now) {
        return jdbc.sql("select " + COLUMNS + ", " + STATUS + " as effective from invitation where id = :id")
                .param("id", id)
                .param("now", SqlTimes.param(now))
                .query(this::map)
                .optional();
    }

    /**
     * Moves scheduled (or failed) invitations to sent at {@code at}, in one batch of statements;
     * returns the ids of those it moved.
     */
    List<UUID> markSent(Map<UUID, UUID> workspaceById, Instant at) {
        List<UUID> ids = List.copyOf(workspaceById.keySet());
        int[][] counts = template.batchUpdate(
                "update invitation set status = 'sent', reason = null, sent_at = coalesce(sent_at, ?)"
                        + " where workspace_id = ? and id = ? and status in ('scheduled', 'failed')",
                ids,
                ids.size(),
                (ps, id) -> {
                    ps.setObject(1, SqlTimes.param(at));
                    ps.setObject(2, workspaceById.get(id));
                    ps.setObject(3, id);
                });
        List<UUID> moved = new java.util.ArrayList<>(ids.size());
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                if (count > 0 || count == java.sql.Statement.SUCCESS_NO_INFO) {
                    moved.add(ids.get(i));
                }
                i++;
            }
        }
        return moved;
    }

    /** The invitations with these ids, in one statement; call only with ids checked against their workspace. */
    List<Invitation> all(java.util.Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql("select " + COLUMNS + ", " + STATUS + " as effective from invitation where id in (:ids)")
                .param("ids", ids)
                .param("now", SqlTimes.param(now))
                .query(this::map)
                .list()
                .stream()
                .map(Row::invitation)
                .toList();
    }

    /** Moves an invitation on; {@code column} is one of the fixed time columns. */
    int mark(
            UUID workspaceId,
            UUID id,
            InvitationStatus status,
            String reason,
            String column,
            Instant at,
            String fromStates) {
        String time = column == null ? "" : ", " + column + " = coalesce(" + column + ", :at)";
        return jdbc.sql("update invitation set status = :status, reason = :reason" + time
                        + " where workspace_id = :ws and id = :id and status in (" + fromStates + ")")
                .param("status", status.code())
                .param("reason", reason)
                .param("at", SqlTimes.param(at))
                .param("ws", workspaceId)
                .param("id", id)
                .update();
    }

    PageResult<Row> list(UUID workspaceId, InvitationFilter filter, Instant now, PageResult.Request page) {
        String where = " from invitation where workspace_id = :ws"
                + (filter.contactId() == null ? "" : " and contact_id = :contact")
                + (filter.campaignId() == null ? "" : " and campaign_id = :campaign")
                + (filter.status() == null ? "" : " and " + STATUS + " = :status");
        var count = filter.bind(jdbc.sql("select count(*)" + where), workspaceId, now);
        var select = filter.bind(
                        jdbc.sql("select " + COLUMNS + ", " + STATUS + " as effective" + where
                                + " order by created_at desc, id limit :limit offset :offset"),
                        workspaceId,
                        now)
                .param("limit", page.size())
                .param("offset", page.offset());
        return new PageResult<>(
                select.query(this::map).list(),
                page.page(),
                page.size(),
                count.query(Long.class).single());
    }

    /** Uses the contact index (workspace, contact, created_at) and stops at the first row. */
    Optional<Invitation> oldestScheduled(UUID workspaceId, UUID contactId, Channel channel, Instant now) {
        return jdbc.sql("select " + COLUMNS + ", status as effective from invitation"
                        + " where workspace_id = :ws and contact_id = :contact and channel = :channel"
                        + " and status = 'scheduled' and expires_at > :now order by created_at, id limit 1")
                .param("ws", workspaceId)
                .param("contact", contactId)
                .param("channel", channel.code())
                .param("now", SqlTimes.param(now))
                .query(this::map)
                .optional()
                .map(Row::invitation);
    }

    /** Latest sent, opened and responded times of the person's invitations. */
    Optional<Instant> lastShown(UUID workspaceId, UUID contactId) {
        return jdbc.sql("select max(sent_at) as s, max(opened_at) as o, max(responded_at) as r from invitation"
                        + " where workspace_id = ? and contact_id = ?")
                .params(workspaceId, contactId)
                .query((rs, i) ->
                        latest(SqlTimes.instant(rs, "s"), SqlTimes.instant(rs, "o"), SqlTimes.instant(rs, "r")))
                .optional()
                .flatMap(Optional::ofNullable);
    }

    /** {@link #lastShown(UUID, UUID)} of many contacts in one statement; contacts never shown one are absent. */
    java.util.Map<UUID, Instant> lastShown(UUID workspaceId, java.util.Collection<UUID> contactIds) {
        java.util.Map<UUID, Instant> latest = new java.util.HashMap<>();
        if (contactIds.isEmpty()) {
            return latest;
        }
        // A join against the list, not "contact_id = any(?)": for "= any" H2 uses only the first
        // column of invitation_contact and reads every invitation of the workspace for each batch;
        // the join looks each contact up by workspace and contact, on H2 and PostgreSQL alike.
        jdbc.sql("select i.contact_id, max(i.sent_at) as s, max(i.opened_at) as o, max(i.responded_at) as r"
                        + " from unnest(cast(? as uuid array)) as c(id)"
                        + " join invitation i on i.workspace_id = ? and i.contact_id = c.id group by i.contact_id")
                .params(contactIds.toArray(UUID[]::new), workspaceId)
                .query(rs -> {
                    Instant at =
                            latest(SqlTimes.instant(rs, "s"), SqlTimes.instant(rs, "o"), SqlTimes.instant(rs, "r"));
                    if (at != null) {
                        latest.put(rs.getObject("contact_id", UUID.class), at);
                    }
                });
        return latest;
    }

    /**
     * Stage counts per campaign of the invitations created in {@code [since, until)} (null:
     * open), one row per campaign, status and reason. A failed invitation never counts as sent.
     */
    List<CampaignInvitationCounts> campaignCounts(UUID workspaceId, UUID campaignId, Instant since, Instant until) {
        String sql = """
                select campaign_id, status, reason, count(*) n,
                  sum(case when status <> 'failed' and (sent_at is not null or opened_at is not null
                    or responded_at is not null) then 1 else 0 end) sent,
                  sum(case when status <> 'failed' and (opened_at is not null or responded_at is not null)
                    then 1 else 0 end) opened,
                  sum(case when responded_at is not null then 1 else 0 end) responded
                from invitation where workspace_id = :ws and campaign_id is not null"""
                + (campaignId == null ? "" : " and campaign_id = :campaign")
                + (since == null ? "" : " and created_at >= :since")
                + (until == null ? "" : " and created_at < :until")
                + " group by campaign_id, status, reason";
        var spec = jdbc.sql(sql).param("ws", workspaceId);
        if (campaignId != null) {
            spec = spec.param("campaign", campaignId);
        }
        if (since != null) {
            spec = spec.param("since", SqlTimes.param(since));
        }
        if (until != null) {
            spec = spec.param("until", SqlTimes.param(until));
        }
        Map<UUID, CampaignInvitationCounts> byCampaign = new LinkedHashMap<>();
        spec.query(rs -> {
            UUID campaign = rs.getObject("campaign_id", UUID.class);
            boolean suppressed = InvitationStatus.SUPPRESSED.code().equals(rs.getString("status"));
            String reason = rs.getString("reason") == null ? "unknown" : rs.getString("reason");
            long n = rs.getLong("n");
            CampaignInvitationCounts row = new CampaignInvitationCounts(
                    campaign,
                    suppressed ? 0 : n,
                    rs.getLong("sent"),
                    rs.getLong("opened"),
                    rs.getLong("responded"),
                    InvitationStatus.FAILED.code().equals(rs.getString("status")) ? n : 0,
                    suppressed ? Map.of(reason, n) : Map.of());
            byCampaign.merge(campaign, row, InvitationRepository::plus);
        });
        return byCampaign.values().stream()
                .sorted(Comparator.comparing(CampaignInvitationCounts::campaignId))
                .toList();
    }

    /** Whether the campaign ever invited anyone in this workspace. */
    boolean campaignKnown(UUID workspaceId, UUID campaignId) {
        return jdbc.sql("select count(*) from (select 1 from invitation where workspace_id = ? and campaign_id = ?"
                                + " fetch first 1 rows only) x")
                        .params(workspaceId, campaignId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static CampaignInvitationCounts plus(CampaignInvitationCounts a, CampaignInvitationCounts b) {
        Map<String, Long> suppressed = new HashMap<>(a.suppressed());
        b.suppressed().forEach((reason, n) -> suppressed.merge(reason, n, Long::sum));
        return new CampaignInvitationCounts(
                a.campaignId(),
                a.issued() + b.issued(),
                a.sent() + b.sent(),
                a.opened() + b.opened(),
                a.responded() + b.responded(),
                a.failed() + b.failed(),
                suppressed);
    }

    /** Invitations of a survey, or of a campaign (the other id null). */
    long countOf(UUID workspaceId, UUID surveyId, UUID campaignId) {
        return jdbc.sql("select count(*) from invitation where workspace_id = ? and "
                        + (surveyId != null ? "survey_id = ?" : "campaign_id = ?"))
                .params(workspaceId, surveyId != null ? surveyId : campaignId)
                .query(Long.class)
                .single();
    }

    /** Up to {@code limit} ids of a survey's invitations, or of a campaign's (the other id null). */
    List<UUID> idsOf(UUID workspaceId, UUID surveyId, UUID campaignId, int limit) {
        return jdbc.sql("select id from invitation where workspace_id = ? and "
                        + (surveyId != null ? "survey_id = ?" : "campaign_id = ?") + " limit ?")
                .params(workspaceId, surveyId != null ? surveyId : campaignId, limit)
                .query(UUID.class)
                .list();
    }

    int delete(UUID workspaceId, List<UUID> ids) {
        return jdbc.sql("delete from invitation where workspace_id = :ws and id in (:ids)")
                .param("ws", workspaceId)
                .param("ids", ids)
                .update();
    }

    /** Which of these ids name an invitation that exists, in any workspace. */
    java.util.Set<UUID> existing(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select id from invitation where id in (:ids)")
                .param("ids", ids)
                .query(UUID.class)
                .list());
    }

    /** Forgets the person: no contact link, no trigger snapshot; open links stop working. */
    int erase(UUID workspaceId, UUID contactId) {
        return jdbc.sql("update invitation set contact_id = null, event_properties = '{}',"
                        + " status = case when status in ('scheduled', 'sent', 'opened') then 'expired' else status end"
                        + " where workspace_id = ? and contact_id = ?")
                .params(workspaceId, contactId)
                .update();
    }

    private static Instant latest(Instant... times) {
        Instant latest = null;
        for (Instant t : times) {
            if (t != null && (latest == null || t.isAfter(latest))) {
                latest = t;
            }
        }
        return latest;
    }

    private Row map(ResultSet rs, int row) throws SQLException {
        Invitation invitation = new Invitation(
                rs.getObject("id", UUID.class),
                rs.getObject("workspace_id", UUID.class),
                rs.getObject("survey_id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                rs.getObject("journey_id", UUID.class),
                Coded.from(Channel.class, rs.getString("channel")),
                Coded.from(InvitationStatus.class, rs.getString("effective")),
                rs.getString("reason"),
                SqlTimes.instant(rs, "created_at"),
                SqlTimes.instant(rs, "sent_at"),
                SqlTimes.instant(rs, "opened_at"),
                SqlTimes.instant(rs, "responded_at"),
                SqlTimes.instant(rs, "expires_at"));
        return new Row(invitation, rs.getString("token_nonce"), json.readValue(rs.getString("event_properties"), MAP));
    }
}
