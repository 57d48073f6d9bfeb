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

    /**
     * Subscriptions naming the event, active or switched off (filtered here: the list per
     * workspace is short).
     */
    List<WebhookSubscription> namingEvent(UUID workspaceId, String event) {
        return jdbc
                .sql("select " + COLUMNS + " from webhook_subscription where workspace_id = ?")
                .param(workspaceId)
                .query(this::map)
                .list()
                .stream()
                .filter(s -> s.events().contains(event))
                .toList();
    }

    /** Switches a subscription on again with a clean failure count; false if unknown. */
    boolean enable(UUID workspaceId, UUID id) {
        return jdbc.sql("update webhook_subscription set active = true, disabled_reason = null,"
                                + " consecutive_failures = 0 where workspace_id = ? and id = ?")
                        .params(workspaceId, id)
                        .update()
                > 0;
    }

    /** An event posted to nobody because the subscription was off; a repeat is kept once. */
    void recordMissed(UUID workspaceId, UUID subscriptionId, String event, String occurrence, String data, Instant at) {
        jdbc.sql(
                        "insert into webhook_missed_event (subscription_id, workspace_id, event, occurrence, data, occurred_at)"
                                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(subscriptionId, workspaceId, event, occurrence, data, SqlTimes.param(at))
                .update();
    }

    /** A missed event to replay. */
    record Missed(String event, String occurrence, String data, Instant occurredAt) {}

    /** The subscription's missed events at or after {@code since} (null: all), oldest first. */
    List<Missed> missed(UUID workspaceId, UUID subscriptionId, Instant since) {
        return jdbc.sql("select event, occurrence, data, occurred_at from webhook_missed_event"
                        + " where workspace_id = ? and subscription_id = ? and occurred_at >= ?"
                        + " order by occurred_at, event, occurrence")
                .params(workspaceId, subscriptionId, SqlTimes.param(since == null ? Instant.EPOCH : since))
                .query((rs, n) -> new Missed(
                        rs.getString("event"),
                        rs.getString("occurrence"),
                        rs.getString("data"),
                        SqlTimes.instant(rs, "occurred_at")))
                .list();
    }

    /** Forgets the subscription's missed events (after a replay queued them). */
    void forgetMissed(UUID workspaceId, UUID subscriptionId) {
        jdbc.sql("delete from webhook_missed_event where workspace_id = ? and subscription_id = ?")
                .params(workspaceId, subscriptionId)
                .update();
    }

    /** Drops the subscription's missed events older than {@code before}. */
    int purgeMissed(UUID subscriptionId, Instant before) {
        return jdbc.sql("delete from webhook_missed_event where subscription_id = ? and occurred_at < ?")
                .params(subscriptionId, SqlTimes.param(before))
                .update();
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
