package org.opennps.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    record UserRow(UUID id, String email, String passwordHash, boolean active, boolean installationOwner) {}

    record Membership(UUID workspaceId, Role role) {}

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String email, String passwordHash, String name, Instant now, boolean active) {
        jdbc.sql("""
                        insert into app_user (id, email, password_hash, name, created_at, activated_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(id, email, passwordHash, name, SqlTimes.param(now), active ? SqlTimes.param(now) : null)
                .update();
    }

    void makeInstallationOwner(UUID userId) {
        jdbc.sql("update app_user set installation_owner = true where id = ?")
                .param(userId)
                .update();
    }

    /** Sets the password and marks the user active (they followed their link). */
    void setPassword(UUID userId, String passwordHash, Instant now) {
        jdbc.sql("update app_user set password_hash = ?, activated_at = coalesce(activated_at, ?) where id = ?")
                .params(passwordHash, SqlTimes.param(now), userId)
                .update();
    }

    void activate(UUID userId, Instant now) {
        jdbc.sql("update app_user set activated_at = ? where id = ? and activated_at is null")
                .params(SqlTimes.param(now), userId)
                .update();
    }

    void addMember(UUID workspaceId, UUID userId, Role role) {
        jdbc.sql("insert into workspace_member (workspace_id, user_id, role) values (?, ?, ?)")
                .params(workspaceId, userId, role.code())
                .update();
    }

    int updateRole(UUID workspaceId, UUID userId, Role role) {
        return jdbc.sql("update workspace_member set role = ? where workspace_id = ? and user_id = ?")
                .params(role.code(), workspaceId, userId)
                .update();
    }

    int removeMember(UUID workspaceId, UUID userId) {
        return jdbc.sql("delete from workspace_member where workspace_id = ? and user_id = ?")
                .params(workspaceId, userId)
                .update();
    }

    int countOwners(UUID workspaceId) {
        return jdbc.sql("select count(*) from workspace_member where workspace_id = ? and role = 'owner'")
                .param(workspaceId)
                .query(Integer.class)
                .single();
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

    List<Member> members(UUID workspaceId) {
        return jdbc.sql("""
                        select u.id, u.email, u.name, m.role, u.activated_at
                        from workspace_member m join app_user u on u.id = m.user_id
                        where m.workspace_id = ? order by u.email""")
                .param(workspaceId)
                .query((rs, i) -> new Member(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        Role.ofStored(rs.getString(4)),
                        rs.getObject(5) == null ? "invited" : "active"))
                .list();
    }

    Optional<Member> member(UUID workspaceId, UUID userId) {
        return members(workspaceId).stream().filter(m -> m.id().equals(userId)).findFirst();
    }

    Optional<UserRow> findByEmail(String email) {
        return jdbc.sql(
                        "select id, email, password_hash, activated_at, installation_owner from app_user where email = ?")
                .param(email)
                .query((rs, i) -> new UserRow(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4) != null,
                        rs.getBoolean(5)))
                .optional();
    }

    Optional<UserRow> findById(UUID id) {
        return jdbc.sql("select id, email, password_hash, activated_at, installation_owner from app_user where id = ?")
                .param(id)
                .query((rs, i) -> new UserRow(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4) != null,
                        rs.getBoolean(5)))
                .optional();
    }

    List<Membership> memberships(UUID userId) {
        return jdbc.sql("""
                        select m.workspace_id, m.role from workspace_member m join workspace w on w.id = m.workspace_id
                        where m.user_id = ? order by w.demo, w.created_at""")
                .param(userId)
                .query((rs, i) -> new Membership(rs.getObject(1, UUID.class), Role.ofStored(rs.getString(2))))
                .list();
    }
}
