package org.opennps.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import as the API and the admin page show it.
 *
 * @param status running, done or failed (the file could not be read at all: see {@code failure})
 * @param rowsTotal rows read so far (all of them once done)
 * @param errors the rejected rows with their line numbers, the first 10,000
 */
public record ImportJob(
        UUID id,
        ImportJobStatus status,
        String format,
        UUID surveyId,
        boolean dryRun,
        String fileName,
        long fileBytes,
        long rowsTotal,
        long rowsImported,
        long rowsSkippedDuplicate,
        long rowsRejected,
        String failure,
        List<RowError> errors,
        Instant createdAt,
        Instant finishedAt) {

    public record RowError(long line, String reason) {}

    public boolean running() {
        return status == ImportJobStatus.RUNNING;
    }
}
