package org.opennps.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.PageResult;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ContactRepository {

    private static final String COLUMNS = "id, external_id, email, phone, name, locale, time_zone, attributes,"
            + " unsubscribed_at, bounced_at, created_at, updated_at";
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    ContactRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    Optional<Contact> find(UUID workspaceId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from contact where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .query(this::map)
                .optional();
    }

    List<Contact> findByIds(UUID workspaceId, Collection<UUID> ids) {
        // A join against the list, not "workspace_id = ? and id = any(?)": PostgreSQL's generic plan
        // for that, made while the table was small, read the whole workspace through
        // contact_bounced (workspace_id, bounced_at) for each batch of journeys; the join looks each
        // contact up by its key, on H2 and PostgreSQL alike.
        return jdbc.sql("select " + COLUMNS + " from unnest(cast(? as uuid array)) as wanted(wanted_id)"
                        + " join contact on contact.id = wanted.wanted_id and contact.workspace_id = ?")
                .params(ids.stream().distinct().toArray(UUID[]::new), workspaceId)
                .query(this::map)
                .list();
    }

    Optional<Contact> findByExternalId(UUID workspaceId, String externalId) {
        return jdbc.sql("select " + COLUMNS + " from contact where workspace_id = ? and external_id = ?")
                .params(workspaceId, externalId)
                .query(this::map)
                .optional();
    }

    Optional<Contact> findByEmail(UUID workspaceId, String email) {
        return jdbc.sql("select " + COLUMNS + " from contact where workspace_id = ? and email = ?")
                .params(workspaceId, email)
                .query(this::map)
                .optional();
    }

    /**
     * Contacts whose external id or e-mail is among the given ones (one statement per kind of
     * key with a single array parameter, planned once whatever the batch size), locking the rows
     * found ({@code for update}) in key order, so
     * transactions that touch the same contacts wait for each other instead of deadlocking.
     * Each contact's data time ({@code data_as_of}) goes into {@code asOfById}.
     */
    List<Contact> lockByKeys(
            UUID workspaceId, List<String> externalIds, List<String> emails, Map<UUID, Instant> asOfById) {
        List<Contact> found = new ArrayList<>();
        RowMapper<Contact> mapper = (rs, row) -> {
            Contact c = map(rs, row);
            Instant asOf = SqlTimes.instant(rs, "data_as_of");
            if (asOf != null) {
                asOfById.put(c.id(), asOf);
            }
            return c;
        };
        // A join against the keys, not "external_id = any(?)": for "= any" H2 uses only the first
        // column of contact_external_id (and contact_email) and reads every contact of the
        // workspace for each batch; the join looks each key up by both columns. "for update"
        // still locks the contacts found and only them, on H2 and PostgreSQL alike.
        if (!externalIds.isEmpty()) {
            found.addAll(lockBy("external_id", externalIds, workspaceId, mapper));
        }
        if (!emails.isEmpty()) {
            found.addAll(lockBy("email", emails, workspaceId, mapper));
        }
        return found;
    }

    private List<Contact> lockBy(String column, List<String> keys, UUID workspaceId, RowMapper<Contact> mapper) {
        return jdbc.sql("select " + COLUMNS + ", data_as_of from unnest(cast(? as varchar array)) as k(wanted)"
                        + " join contact on workspace_id = ? and " + column + " = k.wanted"
                        + " order by " + column + " for update")
                // distinct, as "= any" matched each contact once however often its key was given
                .params(keys.stream().distinct().toArray(String[]::new), workspaceId)
                .query(mapper)
                .list();
    }

    PageResult<Contact> list(UUID workspaceId, String search, PageResult.Request page) {
        String where = " from contact where workspace_id = :ws"
                + (search == null
                        ? ""
                        : " and (lower(email) like :q or lower(name) like :q or lower(external_id) like :q)");
        var count = jdbc.sql("select count(*)" + where).param("ws", workspaceId);
        var select = jdbc.sql("select " + COLUMNS + where + " order by created_at desc, id limit :limit offset :offset")
                .param("ws", workspaceId)
                .param("limit", page.size())
                .param("offset", page.offset());
        if (search != null) {
            String like = "%" + search.toLowerCase().replace("%", "").replace("_", "") + "%";
            count = count.param("q", like);
            select = select.param("q", like);
        }
        return new PageResult<>(
                select.query(this::map).list(),
                page.page(),
                page.size(),
                count.query(Long.class).single());
    }

    /** Contacts oldest first after a keyset cursor; see {@link ContactQuery}. */
    List<Contact> listOldestFirst(UUID workspaceId, ContactQuery q) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from contact where workspace_id = :ws");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ws", workspaceId);
        if (q.email() != null) {
            sql.append(" and email = :email");
            params.put("email", q.email());
        }
        if (q.phone() != null) {
            sql.append(" and phone = :phone");
            params.put("phone", q.phone());
        }
        if (q.since() != null) {
            sql.append(" and created_at >= :since");
            params.put("since", SqlTimes.param(q.since()));
        }
        if (q.until() != null) {
            sql.append(" and created_at <= :until");
            params.put("until", SqlTimes.param(q.until()));
        }
        if (q.afterCreatedAt() != null) {
            sql.append(" and (created_at > :after or (created_at = :after and id > :afterId))");
            params.put("after", SqlTimes.param(q.afterCreatedAt()));
            params.put("afterId", q.afterId());
        }
        sql.append(" order by created_at, id limit :limit");
        params.put("limit", q.limit());
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    /** Contacts with the time column set, oldest first; {@code column} is one of the fixed names. */
    PageResult<Contact> listMarked(
            UUID workspaceId, String column, Instant since, Instant until, PageResult.Request page) {
        if (!column.equals("unsubscribed_at") && !column.equals("bounced_at")) {
            throw new IllegalArgumentException(column);
        }
        String where = " from contact where workspace_id = :ws and " + column + " is not null"
                + (since == null ? "" : " and " + column + " >= :since")
                + (until == null ? "" : " and " + column + " < :until");
        var count = jdbc.sql("select count(*)" + where).param("ws", workspaceId);
        var select = jdbc.sql("select " + COLUMNS + where + " order by " + column + ", id limit :limit offset :offset")
                .param("ws", workspaceId)
                .param("limit", page.size())
                .param("offset", page.offset());
        if (since != null) {
            count = count.param("since", SqlTimes.param(since));
            select = select.param("since", SqlTimes.param(since));
        }
        if (until != null) {
            count = count.param("until", SqlTimes.param(until));
            select = select.param("until", SqlTimes.param(until));
        }
        return new PageResult<>(
                select.query(this::map).list(),
                page.page(),
                page.size(),
                count.query(Long.class).single());
    }

    /** Inserts the contacts that clash with no existing one; returns which were inserted. */
    boolean[] insertIfAbsent(UUID workspaceId, List<Contact> contacts, Map<UUID, Instant> asOfById) {
        int[][] counts = template.batchUpdate(
                "insert into contact (" + COLUMNS + ", workspace_id, data_as_of)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict do nothing",
                contacts,
                500,
                (ps, c) -> {
                    ps.setObject(1, c.id());
                    ps.setString(2, c.externalId());
                    ps.setString(3, c.email());
                    ps.setString(4, c.phone());
                    ps.setString(5, c.name());
                    ps.setString(6, c.locale());
                    ps.setString(7, c.timeZone());
                    ps.setString(8, json.writeValueAsString(c.attributes()));
                    ps.setObject(9, SqlTimes.param(c.unsubscribedAt()));
                    ps.setObject(10, SqlTimes.param(c.bouncedAt()));
                    ps.setObject(11, SqlTimes.param(c.createdAt()));
                    ps.setObject(12, SqlTimes.param(c.updatedAt()));
                    ps.setObject(13, workspaceId);
                    ps.setObject(14, SqlTimes.param(asOfById.get(c.id())));
                });
        boolean[] inserted = new boolean[contacts.size()];
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                inserted[i++] = count != 0;
            }
        }
        return inserted;
    }

    void updateAll(UUID workspaceId, List<Contact> contacts, Map<UUID, Instant> asOfById) {
        template.batchUpdate(
                "update contact set external_id = ?, email = ?, phone = ?, name = ?, locale = ?, time_zone = ?,"
                        + " attributes = ?, updated_at = ?, data_as_of = ? where workspace_id = ? and id = ?",
                contacts,
                500,
                (ps, c) -> {
                    ps.setString(1, c.externalId());
                    ps.setString(2, c.email());
                    ps.setString(3, c.phone());
                    ps.setString(4, c.name());
                    ps.setString(5, c.locale());
                    ps.setString(6, c.timeZone());
                    ps.setString(7, json.writeValueAsString(c.attributes()));
                    ps.setObject(8, SqlTimes.param(c.updatedAt()));
                    ps.setObject(9, SqlTimes.param(asOfById.get(c.id())));
                    ps.setObject(10, workspaceId);
                    ps.setObject(11, c.id());
                });
    }

    int markUnsubscribed(UUID workspaceId, UUID id, Instant at) {
        return jdbc.sql("update contact set unsubscribed_at = ?, updated_at = ? where workspace_id = ? and id = ?"
                        + " and unsubscribed_at is null")
                .params(SqlTimes.param(at), SqlTimes.param(at), workspaceId, id)
                .update();
    }

    int markBounced(UUID workspaceId, UUID id, Instant at) {
        return jdbc.sql("update contact set bounced_at = ?, updated_at = ? where workspace_id = ? and id = ?")
                .params(SqlTimes.param(at), SqlTimes.param(at), workspaceId, id)
                .update();
    }

    int delete(UUID workspaceId, UUID id) {
        return jdbc.sql("delete from contact where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .update();
    }

    private Contact map(ResultSet rs, int row) throws SQLException {
        Map<String, Object> attributes = json.readValue(rs.getString("attributes"), MAP);
        return new Contact(
                rs.getObject("id", UUID.class),
                rs.getString("external_id"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("name"),
                rs.getString("locale"),
                rs.getString("time_zone"),
                attributes,
                SqlTimes.instant(rs, "unsubscribed_at"),
                SqlTimes.instant(rs, "bounced_at"),
                SqlTimes.instant(rs, "created_at"),
                SqlTimes.instant(rs, "updated_at"));
    }
}
