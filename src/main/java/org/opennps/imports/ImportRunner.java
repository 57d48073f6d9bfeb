package org.opennps.imports;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.opennps.survey.Question;
import org.opennps.survey.QuestionType;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a stored import file in chunks of {@link #CHUNK} rows, each chunk in one transaction
 * together with the job's progress and its analytics (see {@link ImportChunk}), so a job
 * resumed after a restart starts after the last committed chunk and nothing is counted twice
 * or left uncounted. A dry run does the same work and rolls every chunk back, keeping only the
 * counts and errors. Memory holds one chunk.
 *
 * <p>Only a file that cannot be read ends a job as failed. A run interrupted in any other way
 * (the node stopping, the database failing, the process killed) leaves the job running: the
 * chunk under way is rolled back with its progress, and the task's next run reads the file
 * again from the start of that chunk.
 */
@Component
class ImportRunner {

    static final int CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {};

    private final ImportRepository jobs;
    private final ImportChunk rows;
    private final SurveyService surveys;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate chunk;
    private final TransactionTemplate own;

    ImportRunner(
            ImportRepository jobs,
            ImportChunk rows,
            SurveyService surveys,
            JsonMapper json,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.rows = rows;
        this.surveys = surveys;
        this.json = json;
        this.clock = clock;
        this.chunk = new TransactionTemplate(transactions);
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private record Counts(long total, long imported, long duplicates, long rejected, List<ImportJob.RowError> errors) {}

    /** Thrown when a run stops between chunks because the node shuts down: the job resumes later. */
    static final class Stopped extends RuntimeException {
        Stopped(UUID jobId, long rows) {
            super("Import " + jobId + " stopped after " + rows + " rows; the next run resumes there");
        }
    }

    void run(UUID jobId) {
        run(jobId, () -> false);
    }

    /**
     * Imports the job's rows after those already committed. {@code stop} is asked before each
     * chunk; when it says so the run throws {@link Stopped}. A failure to store throws too,
     * leaving the job running for the next run.
     */
    void run(UUID jobId, BooleanSupplier stop) {
        try {
            read(jobId, stop);
        } catch (Stopped e) {
            log.info(e.getMessage());
            throw e;
        } catch (RuntimeException | Error e) {
            log.error("Import {} interrupted; the next run resumes after its last committed chunk", jobId, e);
            throw e;
        }
    }

    /** Ends a job the task gave up on after failing again and again; what it stored stays. */
    void giveUp(UUID jobId) {
        log.warn("Import {} given up after repeated failures", jobId);
        fail(
                jobId,
                "stopped after repeated failures to store it; rows already imported stay,"
                        + " and importing the file again skips them");
    }

    private void read(UUID jobId, BooleanSupplier stop) {
        log.info("Import {} starts", jobId);
        ImportRepository.Plan plan = jobs.plan(jobId).orElse(null);
        if (plan == null || !ImportJobStatus.RUNNING.code().equals(plan.status())) {
            return;
        }
        Survey survey = surveys.get(plan.workspaceId(), plan.surveyId());
        String commentQuestion = commentQuestion(survey);
        Map<String, String> mapping = plan.mapping() == null ? Map.of() : json.readValue(plan.mapping(), MAPPING);
        long done = jobs.rowsTotal(jobId);
        long rejectedSoFar = jobs.rejected(jobId);
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (Reader in = new InputStreamReader(jobs.file(jobId), decoder);
                RowReader reader = new RowReader(plan.format(), mapping, in, json)) {
            String problem = reader.open();
            if (problem != null) {
                fail(jobId, problem);
                return;
            }
            for (long skipped = 0; skipped < done; skipped++) {
                if (reader.next() == null) {
                    break;
                }
            }
            while (true) {
                if (stop.getAsBoolean()) {
                    throw new Stopped(jobId, done);
                }
                List<RowReader.Result> results = new ArrayList<>(CHUNK);
                for (RowReader.Result r; results.size() < CHUNK && (r = reader.next()) != null; ) {
                    results.add(r);
                }
                if (results.isEmpty()) {
                    break;
                }
                long storedErrors = rejectedSoFar;
                Counts counts = chunk.execute(status -> {
                    Counts c = process(plan, commentQuestion, results);
                    if (plan.dryRun()) {
                        status.setRollbackOnly();
                    } else {
                        written(jobId, c, storedErrors);
                    }
                    return c;
                });
                if (plan.dryRun()) {
                    own.executeWithoutResult(status -> written(jobId, counts, storedErrors));
                }
                rejectedSoFar += counts.rejected();
                done += results.size();
            }
            log.info("Import {} done", jobId);
            own.executeWithoutResult(status -> {
                jobs.finish(jobId, ImportJobStatus.DONE, null, clock.instant());
                jobs.dropFile(jobId);
            });
        } catch (IOException e) {
            log.warn("Import {} stopped: {}", jobId, e.getMessage());
            fail(jobId, e.getMessage());
        }
    }

    private void fail(UUID jobId, String reason) {
        own.executeWithoutResult(status -> {
            jobs.finish(jobId, ImportJobStatus.FAILED, reason, clock.instant());
            jobs.dropFile(jobId);
        });
    }

    private Counts process(ImportRepository.Plan plan, String commentQuestion, List<RowReader.Result> results) {
        List<ImportChunk.Outcome> outcomes = rows.store(plan, commentQuestion, results);
        List<ImportJob.RowError> errors = new ArrayList<>();
        long imported = 0;
        long duplicates = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            ImportChunk.Outcome o = outcomes.get(i);
            if (o.rejection() != null) {
                errors.add(new ImportJob.RowError(results.get(i).line(), o.rejection()));
            } else if (o.imported()) {
                imported++;
            } else {
                duplicates++;
            }
        }
        return new Counts(results.size(), imported, duplicates, errors.size(), errors);
    }

    /** The chunk's counts and its rejected rows (the first {@link ImportRepository#MAX_ERRORS} of a job). */
    private void written(UUID jobId, Counts c, long storedErrors) {
        jobs.progress(jobId, c.total(), c.imported(), c.duplicates(), c.rejected(), clock.instant());
        long room = Math.max(0, ImportRepository.MAX_ERRORS - storedErrors);
        jobs.errors(jobId, c.errors().subList(0, (int) Math.min(room, c.errors().size())));
    }

    /** The survey's comment question: {@code comment} if it has one, else its first text question. */
    static String commentQuestion(Survey survey) {
        return survey.question("comment")
                .filter(q -> q.type() == QuestionType.TEXT)
                .or(() -> survey.questions().stream()
                        .filter(q -> q.type() == QuestionType.TEXT)
                        .findFirst())
                .map(Question::id)
                .orElse(null);
    }
}
