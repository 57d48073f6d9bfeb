package org.opennps.loop;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class DigestRepository {

    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    /** The stored settings of one workspace. */
    record Stored(UUID workspaceId, boolean enabled, List<String> recipients, int sendHour) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DigestRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Stored> find(UUID ws) {
        return jdbc.sql(
                        "select workspace_id, enabled, recipients, send_hour from digest_settings where workspace_id = ?")
                .param(ws)
                .query((rs, i) -> new Stored(
                        rs.getObject(1, UUID.class),
                        rs.getBoolean(2),
                        json.readValue(rs.getString(3), LIST),
                        rs.getInt(4)))
                .optional();
    }

    List<Stored> enabled() {
        return jdbc.sql("select workspace_id, enabled, recipients, send_hour from digest_settings where enabled = true")
                .query((rs, i) -> new Stored(
                        rs.getObject(1, UUID.class),
                        rs.getBoolean(2),
                        json.readValue(rs.getString(3), LIST),
                        rs.getInt(4)))
                .list();
    }

    void save(Stored s, Instant now) {
        String recipients = json.writeValueAsString(s.recipients());
        int updated = jdbc.sql("update digest_settings set enabled = ?, recipients = ?, send_hour = ?, updated_at = ?"
                        + " where workspace_id = ?")
                .params(s.enabled(), recipients, s.sendHour(), SqlTimes.param(now), s.workspaceId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into digest_settings (workspace_id, enabled, recipients, send_hour, updated_at)"
                            + " values (?, ?, ?, ?, ?) on conflict do nothing")
                    .params(s.workspaceId(), s.enabled(), recipients, s.sendHour(), SqlTimes.param(now))
                    .update();
        }
    }

    /** Claims the digest of one local day; false when it was sent (or is being sent) already. */
    boolean claim(UUID ws, LocalDate day, Instant now, long responses) {
        return jdbc.sql("insert into digest_sent (workspace_id, local_day, sent_at, responses) values (?, ?, ?, ?)"
                                + " on conflict do nothing")
                        .params(ws, day, SqlTimes.param(now), responses)
                        .update()
                == 1;
    }

    boolean sent(UUID ws, LocalDate day) {
        return jdbc.sql("select count(*) from digest_sent where workspace_id = ? and local_day = ?")
                        .params(ws, day)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<LocalDate> lastSent(UUID ws) {
        return jdbc.sql("select max(local_day) from digest_sent where workspace_id = ?")
                .param(ws)
                .query((rs, i) -> rs.getObject(1, LocalDate.class))
                .optional()
                .flatMap(Optional::ofNullable);
    }
}
