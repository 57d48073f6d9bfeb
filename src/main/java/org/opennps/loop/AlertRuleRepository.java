package org.opennps.loop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class AlertRuleRepository {

    private static final String COLUMNS =
            "id, workspace_id, name, conditions, notify, create_case, due_in, active, created_at, updated_at";
    private static final TypeReference<List<Notify>> NOTIFY = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AlertRuleRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID workspaceId, UUID id, AlertRuleReader.Draft d, Instant now) {
        jdbc.sql("insert into alert_rule (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        workspaceId,
                        d.name(),
                        json.writeValueAsString(d.when()),
                        json.writeValueAsString(d.targets()),
                        d.createCase(),
                        d.dueIn(),
                        d.active(),
                        SqlTimes.param(now),
                        SqlTimes.param(now))
                .update();
    }

    int update(UUID workspaceId, UUID id, AlertRuleReader.Draft d, Instant now) {
        return jdbc.sql("""
                        update alert_rule set name = ?, conditions = ?, notify = ?, create_case = ?, due_in = ?,
                          active = ?, updated_at = ? where workspace_id = ? and id = ?""")
                .params(
                        d.name(),
                        json.writeValueAsString(d.when()),
                        json.writeValueAsString(d.targets()),
                        d.createCase(),
                        d.dueIn(),
                        d.active(),
                        SqlTimes.param(now),
                        workspaceId,
                        id)
                .update();
    }

    int delete(UUID workspaceId, UUID id) {
        return jdbc.sql("delete from alert_rule where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .update();
    }

    Optional<Stored> find(UUID workspaceId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from alert_rule where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .query(this::map)
                .optional();
    }

    List<Stored> all(UUID workspaceId) {
        return jdbc.sql("select " + COLUMNS + " from alert_rule where workspace_id = ? order by created_at")
                .param(workspaceId)
                .query(this::map)
                .list();
    }

    List<Stored> active(UUID workspaceId) {
        return jdbc.sql("select " + COLUMNS + " from alert_rule where workspace_id = ? and active = true")
                .param(workspaceId)
                .query(this::map)
                .list();
    }

    /** Records that the rule fired for the response; false if it had fired already. */
    boolean fireOnce(UUID ruleId, UUID responseId, Instant now) {
        return jdbc.sql(
                                "insert into alert_firing (rule_id, response_id, fired_at) values (?, ?, ?) on conflict do nothing")
                        .params(ruleId, responseId, SqlTimes.param(now))
                        .update()
                > 0;
    }

    /** A stored rule with its parts as the service uses them. */
    record Stored(
            UUID workspaceId,
            UUID id,
            String name,
            AlertConditions when,
            List<Notify> targets,
            boolean createCase,
            String dueIn,
            boolean active,
            Instant createdAt,
            Instant updatedAt) {

        AlertRule view() {
            List<Map<String, String>> shown = targets.stream()
                    .map(n -> {
                        Map<String, String> m = new LinkedHashMap<>();
                        m.put(n.type(), n.target());
                        return m;
                    })
                    .toList();
            return new AlertRule(workspaceId, id, name, when, shown, createCase, dueIn, active, createdAt, updatedAt);
        }
    }

    private Stored map(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getObject("workspace_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                json.readValue(rs.getString("conditions"), AlertConditions.class),
                json.readValue(rs.getString("notify"), NOTIFY),
                rs.getBoolean("create_case"),
                rs.getString("due_in"),
                rs.getBoolean("active"),
                SqlTimes.instant(rs, "created_at"),
                SqlTimes.instant(rs, "updated_at"));
    }
}
