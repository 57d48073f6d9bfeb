package org.opennps.imports;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Instant;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.Coded;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ImportRepository {

    static final int MAX_ERRORS = 10_000;
    private static final String COLUMNS = "id, status, format, survey_id, dry_run, file_name, file_bytes, rows_total,"
            + " rows_imported, rows_skipped_duplicate, rows_rejected, failure, created_at, finished_at";

    /** What a job is to do, as the task reads it. */
    record Plan(
            UUID id, UUID workspaceId, String format, UUID surveyId, String mapping, boolean dryRun, String status) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    ImportRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    void insert(
            UUID id,
            UUID workspaceId,
            String format,
            UUID surveyId,
            String mapping,
            boolean dryRun,
            String fileName,
            Instant now) {
        jdbc.sql("insert into import_job (id, workspace_id, format, survey_id, mapping, dry_run, status, file_name,"
                        + " file_bytes, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(
                        id,
                        workspaceId,
                        format,
                        surveyId,
                        mapping,
                        dryRun,
                        ImportJobStatus.RUNNING.code(),
                        fileName,
                        SqlTimes.param(now),
                        SqlTimes.param(now))
                .update();
    }

    void insertPart(UUID jobId, int seq, byte[] content) {
        jdbc.sql("insert into import_file_part (job_id, seq, content) values (?, ?, ?)")
                .params(jobId, seq, content)
                .update();
    }

    void fileBytes(UUID jobId, long bytes) {
        jdbc.sql("update import_job set file_bytes = ? where id = ?")
                .params(bytes, jobId)
                .update();
    }

    /** The stored file, read part by part: one part in memory at a time. */
    InputStream file(UUID jobId) {
        int parts = jdbc.sql("select count(*) from import_file_part where job_id = ?")
                .param(jobId)
                .query(Integer.class)
                .single();
        Enumeration<InputStream> each = new Enumeration<>() {
            int next = 0;

            @Override
            public boolean hasMoreElements() {
                return next < parts;
            }

            @Override
            public InputStream nextElement() {
                if (next >= parts) {
                    throw new NoSuchElementException();
                }
                byte[] content = jdbc.sql("select content from import_file_part where job_id = ? and seq = ?")
                        .params(jobId, next++)
                        .query((rs, i) -> rs.getBytes(1))
                        .single();
                return new ByteArrayInputStream(content);
            }
        };
        return new SequenceInputStream(each);
    }

    void dropFile(UUID jobId) {
        jdbc.sql("delete from import_file_part where job_id = ?").param(jobId).update();
    }

    Optional<Plan> plan(UUID jobId) {
        return jdbc.sql(
                        "select id, workspace_id, format, survey_id, mapping, dry_run, status from import_job where id = ?")
                .param(jobId)
                .query(new DataClassRowMapper<>(Plan.class))
                .optional();
    }

    /** Rows read so far: where a resumed job picks up. */
    long rowsTotal(UUID jobId) {
        return jdbc.sql("select rows_total from import_job where id = ?")
                .param(jobId)
                .query(Long.class)
                .single();
    }

    void progress(UUID jobId, long total, long imported, long duplicates, long rejected, Instant now) {
        jdbc.sql("update import_job set rows_total = rows_total + ?, rows_imported = rows_imported + ?,"
                        + " rows_skipped_duplicate = rows_skipped_duplicate + ?, rows_rejected = rows_rejected + ?,"
                        + " updated_at = ? where id = ?")
                .params(total, imported, duplicates, rejected, SqlTimes.param(now), jobId)
                .update();
    }

    /** Keeps rejected rows' lines and reasons, in one batch (the caller stops after {@link #MAX_ERRORS}). */
    void errors(UUID jobId, List<ImportJob.RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        batches.batchUpdate(
                "insert into import_error (job_id, line, reason) values (?, ?, ?) on conflict do nothing",
                errors,
                1000,
                (ps, e) -> {
                    ps.setObject(1, jobId);
                    ps.setLong(2, e.line());
                    ps.setString(3, e.reason().length() > 500 ? e.reason().substring(0, 500) : e.reason());
                });
    }

    long rejected(UUID jobId) {
        return jdbc.sql("select rows_rejected from import_job where id = ?")
                .param(jobId)
                .query(Long.class)
                .single();
    }

    void finish(UUID jobId, ImportJobStatus status, String failure, Instant now) {
        jdbc.sql("update import_job set status = ?, failure = ?, finished_at = ?, updated_at = ? where id = ?")
                .params(status.code(), failure, SqlTimes.param(now), SqlTimes.param(now), jobId)
                .update();
    }

    /** A source's response id and the response it was imported as. */
    record Claim(String sourceId, UUID responseId) {}

    /**
     * Claims the source ids for their responses in one batch; per claim, false when the source
     * id was imported before (by another import that committed, or is committing now: the
     * claim waits for it).
     */
    boolean[] claimAll(UUID workspaceId, List<Claim> claims) {
        int[][] counts = batches.batchUpdate(
                "insert into import_source (workspace_id, source_id, response_id) values (?, ?, ?)"
                        + " on conflict do nothing",
                claims,
                1000,
                (ps, c) -> {
                    ps.setObject(1, workspaceId);
                    ps.setString(2, c.sourceId());
                    ps.setObject(3, c.responseId());
                });
        boolean[] claimed = new boolean[claims.size()];
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                claimed[i++] = count != 0;
            }
        }
        return claimed;
    }

    /** Gives back the claims of source ids whose rows were refused after all. */
    void unclaim(UUID workspaceId, List<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return;
        }
        batches.batchUpdate(
                "delete from import_source where workspace_id = ? and source_id = ?",
                sourceIds.stream().map(id -> new Object[] {workspaceId, id}).toList());
    }

    Optional<ImportJob> find(UUID workspaceId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from import_job where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .query((rs, i) -> job(rs))
                .optional()
                .map(j -> withErrors(j, 1000));
    }

    List<ImportJob> list(UUID workspaceId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from import_job where workspace_id = ? order by created_at desc, id"
                        + " limit ?")
                .params(workspaceId, limit)
                .query((rs, i) -> job(rs))
                .list();
    }

    private ImportJob withErrors(ImportJob j, int limit) {
        List<ImportJob.RowError> errors = jdbc.sql(
                        "select line, reason from import_error where job_id = ? order by line limit ?")
                .params(j.id(), limit)
                .query(new DataClassRowMapper<>(ImportJob.RowError.class))
                .list();
        return new ImportJob(
                j.id(),
                j.status(),
                j.format(),
                j.surveyId(),
                j.dryRun(),
                j.fileName(),
                j.fileBytes(),
                j.rowsTotal(),
                j.rowsImported(),
                j.rowsSkippedDuplicate(),
                j.rowsRejected(),
                j.failure(),
                errors,
                j.createdAt(),
                j.finishedAt());
    }

    private static ImportJob job(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ImportJob(
                rs.getObject("id", UUID.class),
                Coded.from(ImportJobStatus.class, rs.getString("status")),
                rs.getString("format"),
                rs.getObject("survey_id", UUID.class),
                rs.getBoolean("dry_run"),
                rs.getString("file_name"),
                rs.getLong("file_bytes"),
                rs.getLong("rows_total"),
                rs.getLong("rows_imported"),
                rs.getLong("rows_skipped_duplicate"),
                rs.getLong("rows_rejected"),
                rs.getString("failure"),
                List.of(),
                SqlTimes.instant(rs, "created_at"),
                SqlTimes.instant(rs, "finished_at"));
    }
}
