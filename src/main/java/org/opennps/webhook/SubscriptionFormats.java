package org.opennps.webhook;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which subscriptions post in Delighted's format (the others use OpenNPS's envelope). */
@Repository
class SubscriptionFormats {

    static final String OPENNPS = "opennps";
    static final String DELIGHTED = "delighted";

    private final JdbcClient jdbc;

    SubscriptionFormats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void set(UUID subscriptionId, String format) {
        if (!OPENNPS.equals(format)) {
            jdbc.sql("insert into webhook_subscription_format (subscription_id, format) values (?, ?)")
                    .params(subscriptionId, format)
                    .update();
        }
    }

    /** The format of each of the workspace's subscriptions that has one other than OpenNPS's. */
    Map<UUID, String> of(UUID workspaceId) {
        Map<UUID, String> formats = new HashMap<>();
        jdbc.sql("select f.subscription_id, f.format from webhook_subscription_format f"
                        + " join webhook_subscription s on s.id = f.subscription_id where s.workspace_id = ?")
                .param(workspaceId)
                .query(rs -> {
                    formats.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return formats;
    }
}
