package org.opennps.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 103, PostgreSQL only: the outbox's e-mail bodies are compressed with LZ4 instead of
 * PostgreSQL's own {@code pglz}. Every queued survey e-mail carries about 4 kB of HTML and 1 kB of
 * text, compressed when the row is written and decompressed when it is sent; in a burst of
 * journeys {@code pglz_compress} alone took a tenth of PostgreSQL's CPU. LZ4 does the same work
 * several times faster. Rows written before keep their compression; both are read alike. A
 * server built without LZ4, and H2, keep the default.
 */
@Component
class OutboxBodyCompression implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("103");
    }

    @Override
    public String getDescription() {
        return "outbox body compression";
    }

    @Override
    public Integer getChecksum() {
        return 103;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().equals("PostgreSQL") || !lz4Available(c)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("alter table outgoing_email alter column text_body set compression lz4,"
                    + " alter column html_body set compression lz4");
        }
    }

    private static boolean lz4Available(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("select 'lz4' = any(enumvals) from pg_settings"
                        + " where name = 'default_toast_compression'")) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
