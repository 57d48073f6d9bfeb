package org.opennps.workspace;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    record UserRow(UUID id, String email, String passwordHash) {}

    record Membership(UUID workspaceId, String role) {}

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String email, String passwordHash, java.time.Instant now) {
        jdbc.sql("insert into app_user (id, email, password_hash, created_at) values (?, ?, ?, ?)")
                .params(id, email, passwordHash, SqlTimes.param(now))
                .update();
    }

    void addMember(UUID workspaceId, UUID userId, String role) {
        jdbc.sql("insert into workspace_member (workspace_id, user_id, role) values (?, ?, ?)")
                .params(workspaceId, userId, role)
                .update();
    }

    List<UUID> memberIds(UUID workspaceId) {
        return jdbc.sql("select user_id from workspace_member where workspace_id = ? order by user_id")
                .param(workspaceId)
                .query((rs, i) -> rs.getObject(1, UUID.class))
                .list();
    }

    List<String> memberEmails(UUID workspaceId) {
        return jdbc.sql("select u.email from workspace_member m join app_user u on u.id = m.user_id"
                        + " where m.workspace_id = ? order by u.email")
                .param(workspaceId)
                .query(String.class)
                .list();
    }

    Optional<UserRow> findByEmail(String email) {
        return jdbc.sql("select id, email, password_hash from app_user where email = ?")
                .param(email)
                .query((rs, i) -> new UserRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .optional();
    }

    List<Membership> memberships(UUID userId) {
        return jdbc.sql("""
                        select m.workspace_id, m.role from workspace_member m join workspace w on w.id = m.workspace_id
                        where m.user_id = ? order by w.demo, w.created_at""")
                .param(userId)
                .query((rs, i) -> new Membership(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }
}
