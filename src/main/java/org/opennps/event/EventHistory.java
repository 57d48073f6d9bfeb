package org.opennps.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read side of the event log for other modules: "did this contact do X within a window"
 * (campaign filters), a contact's timeline, and the events of many contacts (funnels).
 */
@Service
public class EventHistory {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
    private static final int IN_CHUNK = 500;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Whether the contact has an event of {@code type} with {@code from <= occurred_at < to}
     * whose properties equal every entry of {@code match} (compared as strings, so 9 matches
     * "9"). An empty match accepts any properties.
     */
    public boolean exists(
            UUID workspaceId, UUID contactId, String type, Instant from, Instant to, Map<String, ?> match) {
        List<ContactEvent> candidates = jdbc.sql("""
                        select event_id, type, contact_id, properties, occurred_at from event
                        where contact_id = ? and type = ? and occurred_at >= ? and occurred_at < ? and workspace_id = ?
                        order by occurred_at desc limit 1000""")
                .params(contactId, type, SqlTimes.param(from), SqlTimes.param(to), workspaceId)
                .query(this::map)
                .list();
        return candidates.stream().anyMatch(e -> matches(e.properties(), match));
    }

    /** The contact's latest events, newest first. */
    public List<ContactEvent> ofContact(UUID workspaceId, UUID contactId, int limit) {
        return jdbc.sql("""
                        select event_id, type, contact_id, properties, occurred_at from event
                        where workspace_id = ? and contact_id = ? order by occurred_at desc, seq desc limit ?""")
                .params(workspaceId, contactId, limit)
                .query(this::map)
                .list();
    }

    /** Events of the given types of the given contacts within {@code [from, to)}, oldest first. */
    public List<ContactEvent> ofContacts(
            UUID workspaceId, Collection<UUID> contactIds, Collection<String> types, Instant from, Instant to) {
        List<UUID> ids = new ArrayList<>(contactIds);
        List<ContactEvent> result = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += IN_CHUNK) {
            result.addAll(jdbc.sql("""
                            select event_id, type, contact_id, properties, occurred_at from event
                            where workspace_id = :ws and contact_id in (:ids) and type in (:types)
                              and occurred_at >= :from and occurred_at < :to
                            order by occurred_at, seq""")
                    .param("ws", workspaceId)
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + IN_CHUNK)))
                    .param("types", List.copyOf(types))
                    .param("from", SqlTimes.param(from))
                    .param("to", SqlTimes.param(to))
                    .query(this::map)
                    .list());
        }
        return result;
    }

    static boolean matches(Map<String, Object> properties, Map<String, ?> match) {
        if (match == null) {
            return true;
        }
        for (Map.Entry<String, ?> wanted : match.entrySet()) {
            Object actual = properties.get(wanted.getKey());
            if (actual == null || !Objects.equals(String.valueOf(actual), String.valueOf(wanted.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private ContactEvent map(ResultSet rs, int row) throws SQLException {
        return new ContactEvent(
                rs.getString("event_id"),
                rs.getString("type"),
                rs.getObject("contact_id", UUID.class),
                json.readValue(rs.getString("properties"), MAP),
                SqlTimes.instant(rs, "occurred_at"));
    }
}
