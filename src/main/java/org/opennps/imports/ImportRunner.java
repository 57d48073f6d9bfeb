package org.opennps.imports;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.analytics.AnalyticsService;
import org.opennps.contact.ContactInput;
import org.opennps.contact.ContactService;
import org.opennps.delighted.DelightedHistory;
import org.opennps.response.Response;
import org.opennps.response.ResponseService;
import org.opennps.response.Submission;
import org.opennps.shared.InvalidInputException;
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
 * together with the job's progress, so a job resumed after a restart starts after the last
 * committed chunk and nothing is counted twice. Each row runs in a savepoint: a refused row is
 * reported and undone alone. A dry run does the same work and rolls every chunk back, keeping
 * only the counts and errors. Memory holds one chunk.
 */
@Component
class ImportRunner {

    static final int CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {};
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final ImportRepository jobs;
    private final ContactService contacts;
    private final ResponseService responses;
    private final SurveyService surveys;
    private final DelightedHistory delighted;
    private final AnalyticsService analytics;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate chunk;
    private final TransactionTemplate row;
    private final TransactionTemplate own;

    ImportRunner(
            ImportRepository jobs,
            ContactService contacts,
            ResponseService responses,
            SurveyService surveys,
            DelightedHistory delighted,
            AnalyticsService analytics,
            JsonMapper json,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.contacts = contacts;
        this.responses = responses;
        this.surveys = surveys;
        this.delighted = delighted;
        this.analytics = analytics;
        this.json = json;
        this.clock = clock;
        this.chunk = new TransactionTemplate(transactions);
        this.row = new TransactionTemplate(transactions);
        this.row.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private record Counts(long total, long imported, long duplicates, long rejected, List<ImportJob.RowError> errors) {}

    void run(UUID jobId) {
        try {
            read(jobId);
        } catch (RuntimeException | Error e) {
            log.error("Import {} failed", jobId, e);
            throw e;
        }
    }

    private void read(UUID jobId) {
        log.info("Import {} starts", jobId);
        ImportRepository.Plan plan = jobs.plan(jobId).orElse(null);
        if (plan == null || !plan.status().equals(ImportJob.RUNNING)) {
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
            UUID lastOfPrevious = null;
            while (true) {
                List<RowReader.Result> results = new ArrayList<>(CHUNK);
                for (RowReader.Result r; results.size() < CHUNK && (r = reader.next()) != null; ) {
                    results.add(r);
                }
                if (results.isEmpty()) {
                    break;
                }
                UUID[] last = new UUID[1];
                long storedErrors = rejectedSoFar;
                Counts counts = chunk.execute(status -> {
                    Counts c = process(plan, commentQuestion, results, last);
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
                if (!plan.dryRun()) {
                    keepPace(plan.workspaceId(), lastOfPrevious);
                    lastOfPrevious = last[0];
                }
            }
            log.info("Import {} done", jobId);
            own.executeWithoutResult(status -> {
                jobs.finish(jobId, ImportJob.DONE, null, clock.instant());
                jobs.dropFile(jobId);
            });
        } catch (IOException | RuntimeException e) {
            log.warn("Import {} stopped: {}", jobId, e.getMessage());
            fail(jobId, e instanceof IOException ? e.getMessage() : "the file could not be read to the end");
        }
    }

    private void fail(UUID jobId, String reason) {
        own.executeWithoutResult(status -> {
            jobs.finish(jobId, ImportJob.FAILED, reason, clock.instant());
            jobs.dropFile(jobId);
        });
    }

    private Counts process(
            ImportRepository.Plan plan, String commentQuestion, List<RowReader.Result> results, UUID[] last) {
        List<ImportJob.RowError> errors = new ArrayList<>();
        UUID ws = plan.workspaceId();
        long imported = 0;
        long duplicates = 0;
        long rejected = 0;
        Map<Integer, UUID> people = people(ws, results);
        for (int i = 0; i < results.size(); i++) {
            RowReader.Result result = results.get(i);
            String reason = result.rejection();
            if (reason == null) {
                ImportRow r = result.row();
                UUID contactId = people.get(i);
                if ((r.email() != null || r.externalId() != null) && contactId == null) {
                    reason = "the person could not be stored (their e-mail belongs to another external id)";
                } else {
                    try {
                        Response stored = row.execute(s -> store(plan, commentQuestion, r, contactId));
                        if (stored == null) {
                            duplicates++;
                        } else {
                            imported++;
                            last[0] = stored.id();
                        }
                    } catch (InvalidInputException e) {
                        reason = e.getMessage();
                    } catch (RuntimeException e) {
                        reason = "could not be stored";
                        log.debug("Import row refused", e);
                    }
                }
            }
            if (reason != null) {
                rejected++;
                errors.add(new ImportJob.RowError(result.line(), reason));
            }
        }
        return new Counts(results.size(), imported, duplicates, rejected, errors);
    }

    /** The chunk's counts and its rejected rows (the first {@link ImportRepository#MAX_ERRORS} of a job). */
    private void written(UUID jobId, Counts c, long storedErrors) {
        jobs.progress(jobId, c.total(), c.imported(), c.duplicates(), c.rejected(), clock.instant());
        long n = storedErrors;
        for (ImportJob.RowError e : c.errors()) {
            if (++n <= ImportRepository.MAX_ERRORS) {
                jobs.error(jobId, e.line(), e.reason());
            }
        }
    }

    /** Null when the row's source id was imported before. */
    private Response store(ImportRepository.Plan plan, String commentQuestion, ImportRow r, UUID contactId) {
        UUID ws = plan.workspaceId();
        if (jobs.known(ws, r.sourceId())) {
            return null;
        }
        Map<String, Object> answers = new LinkedHashMap<>(r.answers());
        if (r.comment() != null && commentQuestion != null) {
            answers.putIfAbsent(commentQuestion, r.comment());
        }
        Instant at = r.createdAt();
        Response stored = responses.importHistorical(
                ws,
                plan.surveyId(),
                contactId,
                r.channel(),
                new Submission(r.score(), true, answers, true),
                r.properties(),
                at);
        if (!jobs.claim(ws, r.sourceId(), stored.id())) {
            throw new DuplicateInFlight();
        }
        delighted.annotate(ws, stored.id(), r.tags(), r.notes(), at);
        return stored;
    }

    /** Another import stored the same source id a moment earlier: this row's savepoint is undone. */
    private static final class DuplicateInFlight extends RuntimeException {
        DuplicateInFlight() {
            super("imported meanwhile by another import", null, false, false);
        }
    }

    /** People of the chunk created or matched in a few statements; by row index. */
    private Map<Integer, UUID> people(UUID ws, List<RowReader.Result> results) {
        List<Integer> rows = new ArrayList<>();
        List<ContactInput> inputs = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ImportRow r = results.get(i).row();
            if (r != null && (r.email() != null || r.externalId() != null)) {
                rows.add(i);
                inputs.add(new ContactInput(
                        r.externalId(),
                        r.email(),
                        r.phone() != null && r.phone().matches("^\\+?[0-9 ().\\-/]{3,40}$") ? r.phone() : null,
                        r.name() != null && r.name().length() <= 200 ? r.name() : null,
                        null,
                        null,
                        null));
            }
        }
        Map<Integer, UUID> found = new java.util.HashMap<>();
        if (inputs.isEmpty()) {
            return found;
        }
        try {
            List<ContactService.Upserted> upserted =
                    row.execute(s -> contacts.upsertAll(ws, inputs, i -> "rows[" + i + "]"));
            for (int k = 0; k < rows.size(); k++) {
                found.put(rows.get(k), upserted.get(k).contact().id());
            }
        } catch (InvalidInputException clash) {
            for (int k = 0; k < rows.size(); k++) {
                ContactInput input = inputs.get(k);
                try {
                    found.put(
                            rows.get(k),
                            row.execute(s -> contacts.upsert(ws, input))
                                    .contact()
                                    .id());
                } catch (InvalidInputException one) {
                    // reported on the row
                }
            }
        }
        return found;
    }

    /**
     * Waits until analytics has taken in the previous chunk (its facts are written after
     * commit, by listeners of the recorded events), so the queue of waiting events stays within
     * about two chunks, whatever the file's size.
     */
    private void keepPace(UUID workspaceId, UUID responseId) {
        if (responseId == null) {
            return;
        }
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (!analytics.projected(workspaceId, responseId) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
