package org.opennps.invitation;

import java.time.Instant;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Filters of the invitation listing; null means any. */
record InvitationFilter(UUID contactId, UUID campaignId, InvitationStatus status) {

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UUID workspaceId, Instant now) {
        spec = spec.param("ws", workspaceId).param("now", SqlTimes.param(now));
        if (contactId != null) {
            spec = spec.param("contact", contactId);
        }
        if (campaignId != null) {
            spec = spec.param("campaign", campaignId);
        }
        return status == null ? spec : spec.param("status", status.code());
    }
}
