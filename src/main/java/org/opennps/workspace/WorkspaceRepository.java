package org.opennps.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class WorkspaceRepository {

    private static final String COLUMNS = "id, slug, name, public_key, time_zone, settings, demo, created_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WorkspaceRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Workspace w) {
        jdbc.sql("insert into workspace (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        w.id(),
                        w.slug(),
                        w.name(),
                        w.publicKey(),
                        w.timeZone(),
                        json.writeValueAsString(w.settings()),
                        w.demo(),
                        SqlTimes.param(w.createdAt()))
                .update();
    }

    void update(Workspace w) {
        jdbc.sql("update workspace set name = ?, time_zone = ?, settings = ? where id = ?")
                .params(w.name(), w.timeZone(), json.writeValueAsString(w.settings()), w.id())
                .update();
    }

    Optional<Workspace> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from workspace where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    Optional<Workspace> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from workspace where slug = ?")
                .param(slug)
                .query(this::map)
                .optional();
    }

    Optional<Workspace> findByPublicKey(String publicKey) {
        return jdbc.sql("select " + COLUMNS + " from workspace where public_key = ?")
                .param(publicKey)
                .query(this::map)
                .optional();
    }

    List<Workspace> findAll() {
        return jdbc.sql("select " + COLUMNS + " from workspace order by created_at")
                .query(this::map)
                .list();
    }

    boolean any() {
        return jdbc.sql("select count(*) from workspace").query(Long.class).single() > 0;
    }

    void delete(UUID id) {
        jdbc.sql("delete from workspace where id = ?").param(id).update();
    }

    void insertKey(UUID workspaceId, ApiKeyInfo key, String hash) {
        jdbc.sql(
                        "insert into api_key (id, workspace_id, name, key_prefix, key_hash, scope, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        key.id(),
                        workspaceId,
                        key.name(),
                        key.prefix(),
                        hash,
                        key.scope(),
                        SqlTimes.param(key.createdAt()))
                .update();
    }

    /** The (workspace, key) of an unrevoked key with this hash. */
    Optional<WorkspaceService.KeyAccess> findAccessByKeyHash(String hash) {
        return jdbc.sql("select workspace_id, id, scope from api_key where key_hash = ? and revoked_at is null")
                .param(hash)
                .query((rs, i) -> new WorkspaceService.KeyAccess(
                        WorkspaceAccess.ofApiKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                        ApiKeyInfo.READ.equals(rs.getString(3))))
                .optional();
    }

    void touchKey(UUID keyId, Instant now) {
        jdbc.sql("update api_key set last_used_at = ? where id = ?")
                .params(SqlTimes.param(now), keyId)
                .update();
    }

    List<ApiKeyInfo> keys(UUID workspaceId) {
        return jdbc.sql("""
                        select id, name, key_prefix, scope, created_at, last_used_at, revoked_at
                        from api_key where workspace_id = ? order by created_at""")
                .param(workspaceId)
                .query((rs, i) -> new ApiKeyInfo(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        SqlTimes.instant(rs, 5),
                        SqlTimes.instant(rs, 6),
                        SqlTimes.instant(rs, 7)))
                .list();
    }

    int revokeKey(UUID workspaceId, UUID keyId, Instant now) {
        return jdbc.sql("update api_key set revoked_at = ? where workspace_id = ? and id = ? and revoked_at is null")
                .params(SqlTimes.param(now), workspaceId, keyId)
                .update();
    }

    private Workspace map(ResultSet rs, int row) throws SQLException {
        return new Workspace(
                rs.getObject("id", UUID.class),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getString("public_key"),
                rs.getString("time_zone"),
                json.readValue(rs.getString("settings"), WorkspaceSettings.class),
                rs.getBoolean("demo"),
                SqlTimes.instant(rs, "created_at"));
    }
}
