package org.opennps.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class SubscriptionRepository {

    private static final String COLUMNS =
            "id, url, events, secret, active, disabled_reason, consecutive_failures, created_at";
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SubscriptionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID workspaceId, WebhookSubscription s) {
        jdbc.sql("insert into webhook_subscription (" + COLUMNS + ", workspace_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.id(),
                        s.url(),
                        json.writeValueAsString(s.events()),
                        s.secret(),
                        s.active(),
                        s.disabledReason(),
                        s.consecutiveFailures(),
                        SqlTimes.param(s.createdAt()),
                        workspaceId)
                .update();
    }

    Optional<WebhookSubscription> find(UUID workspaceId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .query(this::map)
                .optional();
    }

    List<WebhookSubscription> all(UUID workspaceId) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where workspace_id = ? order by created_at")
                .param(workspaceId)
                .query(this::map)
                .list();
    }

    /** Active subscriptions naming the event (filtered here: the list per workspace is short). */
    List<WebhookSubscription> activeFor(UUID workspaceId, String event) {
        return jdbc
                .sql("select " + COLUMNS + " from webhook_subscription where workspace_id = ? and active = true")
                .param(workspaceId)
                .query(this::map)
                .list()
                .stream()
                .filter(s -> s.events().contains(event))
                .toList();
    }

    int delete(UUID workspaceId, UUID id) {
        return jdbc.sql("delete from webhook_subscription where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .update();
    }

    void delivered(UUID id) {
        jdbc.sql("update webhook_subscription set consecutive_failures = 0 where id = ?")
                .param(id)
                .update();
    }

    /** Counts a final failure and switches the subscription off at the threshold. */
    void failed(UUID id, String reason, int threshold, Instant now) {
        jdbc.sql("update webhook_subscription set consecutive_failures = consecutive_failures + 1 where id = ?")
                .param(id)
                .update();
        jdbc.sql("update webhook_subscription set active = false, disabled_reason = ?"
                        + " where id = ? and active = true and consecutive_failures >= ?")
                .params(
                        "Switched off " + now + " after " + threshold + " failed deliveries in a row; last: "
                                + abbreviate(reason),
                        id,
                        threshold)
                .update();
    }

    private static String abbreviate(String text) {
        String t = text == null ? "unknown error" : text;
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }

    private WebhookSubscription map(ResultSet rs, int row) throws SQLException {
        return new WebhookSubscription(
                rs.getObject("id", UUID.class),
                rs.getString("url"),
                json.readValue(rs.getString("events"), LIST),
                rs.getBoolean("active"),
                rs.getString("disabled_reason"),
                rs.getInt("consecutive_failures"),
                SqlTimes.instant(rs, "created_at"),
                rs.getString("secret"));
    }
}
