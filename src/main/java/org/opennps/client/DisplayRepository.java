package org.opennps.client;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DisplayRepository {

    private static final String COLUMNS = "id, workspace_id, invitation_id, survey_id, contact_id, external_id, locale,"
            + " status, shown_at, dismissed_at, answered_at";

    /** What an offer stores besides the display itself. */
    record Offer(String trigger, String slot, String url) {}

    private final JdbcClient jdbc;

    DisplayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Display d, String tokenHash, Offer offer, Instant now) {
        jdbc.sql("insert into client_display (" + COLUMNS + ", token_hash, trigger_name, slot, url, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        d.id(),
                        d.workspaceId(),
                        d.invitationId(),
                        d.surveyId(),
                        d.contactId(),
                        d.externalId(),
                        d.locale(),
                        d.status(),
                        null,
                        null,
                        null,
                        tokenHash,
                        offer.trigger(),
                        offer.slot(),
                        offer.url(),
                        SqlTimes.param(now))
                .update();
    }

    Optional<Display> findByToken(UUID workspaceId, String tokenHash) {
        return jdbc.sql("select " + COLUMNS + " from client_display where workspace_id = ? and token_hash = ?")
                .params(workspaceId, tokenHash)
                .query(this::map)
                .optional();
    }

    /** How often this person was shown (or dismissed) this survey, whatever the offer. */
    int timesShown(UUID workspaceId, UUID contactId, UUID surveyId) {
        return jdbc.sql("select count(*) from client_display where workspace_id = ? and contact_id = ?"
                        + " and survey_id = ? and (shown_at is not null or dismissed_at is not null)")
                .params(workspaceId, contactId, surveyId)
                .query(Integer.class)
                .single();
    }

    /** Sets the time column once and moves the status on, unless the display was answered. */
    void mark(UUID id, String status, String column, Instant at) {
        jdbc.sql("update client_display set status = case when status = 'answered' then status else ? end, " + column
                        + " = coalesce(" + column + ", ?) where id = ?")
                .params(status, SqlTimes.param(at), id)
                .update();
    }

    void erase(UUID workspaceId, UUID contactId) {
        jdbc.sql("update client_display set contact_id = null, external_id = null, url = null"
                        + " where workspace_id = ? and contact_id = ?")
                .params(workspaceId, contactId)
                .update();
    }

    private Display map(ResultSet rs, int row) throws SQLException {
        return new Display(
                rs.getObject("id", UUID.class),
                rs.getObject("workspace_id", UUID.class),
                rs.getObject("invitation_id", UUID.class),
                rs.getObject("survey_id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                rs.getString("external_id"),
                rs.getString("locale"),
                rs.getString("status"),
                SqlTimes.instant(rs, "shown_at"),
                SqlTimes.instant(rs, "dismissed_at"),
                SqlTimes.instant(rs, "answered_at"));
    }
}
