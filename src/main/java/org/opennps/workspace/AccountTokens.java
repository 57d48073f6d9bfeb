package org.opennps.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use links for setting a password: 240 random bits, only their SHA-256 stored, valid
 * until they expire or are used. A newer link of the same purpose replaces the older ones.
 */
@Repository
class AccountTokens {

    static final String INVITATION = "invitation";
    static final String RESET = "reset";

    record Redeemable(UUID userId, String purpose, UUID workspaceId) {}

    private final JdbcClient jdbc;

    AccountTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String issue(UUID userId, String purpose, UUID workspaceId, Instant now, Duration validFor) {
        jdbc.sql("update account_token set used_at = ? where user_id = ? and purpose = ? and used_at is null")
                .params(SqlTimes.param(now), userId, purpose)
                .update();
        String token = Secrets.random(30);
        jdbc.sql("""
                        insert into account_token (token_hash, user_id, purpose, workspace_id, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        Secrets.sha256(token),
                        userId,
                        purpose,
                        workspaceId,
                        SqlTimes.param(now),
                        SqlTimes.param(now.plus(validFor)))
                .update();
        return token;
    }

    /** The unused, unexpired token's owner, without using it up. */
    Optional<Redeemable> find(String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select user_id, purpose, workspace_id from account_token
                        where token_hash = ? and used_at is null and expires_at > ?""")
                .params(Secrets.sha256(token), SqlTimes.param(now))
                .query((rs, i) ->
                        new Redeemable(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
                .optional();
    }

    /** Uses the token up; false when another request used it first or it expired meanwhile. */
    boolean use(String token, Instant now) {
        return jdbc.sql("""
                        update account_token set used_at = ?
                        where token_hash = ? and used_at is null and expires_at > ?""")
                        .params(SqlTimes.param(now), Secrets.sha256(token), SqlTimes.param(now))
                        .update()
                == 1;
    }
}
