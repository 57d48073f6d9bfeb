package org.opennps.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactInput;
import org.opennps.contact.ContactService;
import org.opennps.delighted.DelightedHistory;
import org.opennps.response.ResponseService;
import org.opennps.response.ResponseService.HistoricalResponse;
import org.opennps.response.Submission;
import org.opennps.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores one chunk of read rows inside the caller's transaction with a few batched statements
 * whatever the chunk's size: the people created or matched, the claims of the source ids (which
 * tell the duplicates), the responses (projected into analytics by the response module's batch
 * announcement, in this same transaction), and their Delighted tags and notes.
 *
 * <p>The batch runs in a savepoint. When the database refuses it (a value it will not take),
 * the savepoint is undone and every
 * row is stored again on its own, each in its own savepoint, so a refused row is reported
 * alone and nothing else is lost.
 */
@Component
class ImportChunk {

    private static final Logger log = LoggerFactory.getLogger(ImportChunk.class);

    /** What became of one row: imported, skipped as a duplicate, or rejected with a reason. */
    record Outcome(boolean imported, String rejection) {
        static final Outcome IMPORTED = new Outcome(true, null);
        static final Outcome DUPLICATE = new Outcome(false, null);

        static Outcome rejected(String reason) {
            return new Outcome(false, reason);
        }
    }

    /**
     * The time a person's details from an import are from, for the people they update: older
     * than anything known about the person, so history fills what a person lacks and never
     * overwrites what they gave since (the import's own rows, all equally old, replace each
     * other in file order), and a person whose details do not change is not written again.
     */
    private static final Instant HISTORY = Instant.EPOCH;

    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("^\\+?[0-9 ().\\-/]{3,40}$");

    private final ImportRepository jobs;
    private final ContactService contacts;
    private final ResponseService responses;
    private final DelightedHistory delighted;
    private final TransactionTemplate savepoint;

    ImportChunk(
            ImportRepository jobs,
            ContactService contacts,
            ResponseService responses,
            DelightedHistory delighted,
            PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.contacts = contacts;
        this.responses = responses;
        this.delighted = delighted;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The outcome of every row, in order; call inside the chunk's transaction. */
    List<Outcome> store(ImportRepository.Plan plan, String commentQuestion, List<RowReader.Result> results) {
        UUID ws = plan.workspaceId();
        Map<Integer, Contact> people = people(ws, results);
        Outcome[] outcomes = new Outcome[results.size()];
        List<Integer> batch = new ArrayList<>();
        List<Integer> repeats = new ArrayList<>();
        Set<String> sources = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            RowReader.Result result = results.get(i);
            ImportRow r = result.row();
            if (result.rejection() != null) {
                outcomes[i] = Outcome.rejected(result.rejection());
            } else if ((r.email() != null || r.externalId() != null) && people.get(i) == null) {
                outcomes[i] = Outcome.rejected(
                        "the person could not be stored (their e-mail belongs to another external id)");
            } else if (sources.add(r.sourceId())) {
                batch.add(i);
            } else {
                repeats.add(i); // stored after the batch, which decides whether the first one was
            }
        }
        Rows rows = new Rows(plan, commentQuestion, results, people);
        try {
            savepoint.executeWithoutResult(s -> rows.write(batch, outcomes));
        } catch (RuntimeException refused) {
            log.debug("Import chunk stored row by row", refused);
            alone(rows, batch, outcomes);
        }
        alone(rows, repeats, outcomes);
        return List.of(outcomes);
    }

    private void alone(Rows rows, List<Integer> indices, Outcome[] outcomes) {
        for (int i : indices) {
            try {
                savepoint.executeWithoutResult(s -> rows.write(List.of(i), outcomes));
            } catch (RuntimeException e) {
                outcomes[i] = Outcome.rejected("could not be stored");
                log.debug("Import row refused", e);
            }
        }
    }

    /** The chunk's rows and what they need to be written, a batch of them at a time. */
    private final class Rows {
        private final ImportRepository.Plan plan;
        private final String commentQuestion;
        private final List<RowReader.Result> results;
        private final Map<Integer, Contact> people;

        Rows(
                ImportRepository.Plan plan,
                String commentQuestion,
                List<RowReader.Result> results,
                Map<Integer, Contact> people) {
            this.plan = plan;
            this.commentQuestion = commentQuestion;
            this.results = results;
            this.people = people;
        }

        /**
         * Stores the rows at {@code indices} (distinct source ids) and sets their outcomes. The
         * source ids are claimed first, in one batch: those claimed before are duplicates (a
         * claim another import is committing waits for it), the others are stored; the claims
         * of rows the response module refuses are given back.
         */
        void write(List<Integer> indices, Outcome[] outcomes) {
            UUID ws = plan.workspaceId();
            List<ImportRepository.Claim> claims = new ArrayList<>(indices.size());
            for (int i : indices) {
                claims.add(new ImportRepository.Claim(row(i).sourceId(), UUID.randomUUID()));
            }
            boolean[] claimed = jobs.claimAll(ws, claims);
            Map<Integer, Outcome> decided = new HashMap<>();
            List<Integer> fresh = new ArrayList<>();
            List<HistoricalResponse> inputs = new ArrayList<>();
            for (int k = 0; k < indices.size(); k++) {
                int i = indices.get(k);
                if (!claimed[k]) {
                    decided.put(i, Outcome.DUPLICATE);
                    continue;
                }
                ImportRow r = row(i);
                Map<String, Object> answers = new LinkedHashMap<>(r.answers());
                if (r.comment() != null && commentQuestion != null) {
                    answers.putIfAbsent(commentQuestion, r.comment());
                }
                fresh.add(i);
                inputs.add(new HistoricalResponse(
                        claims.get(k).responseId(),
                        people.get(i),
                        r.channel(),
                        new Submission(r.score(), true, answers, true),
                        r.properties(),
                        r.createdAt()));
            }
            List<ResponseService.Imported> stored =
                    inputs.isEmpty() ? List.of() : responses.importAll(ws, plan.surveyId(), inputs);
            List<String> refused = new ArrayList<>();
            List<DelightedHistory.Annotation> annotations = new ArrayList<>();
            for (int k = 0; k < stored.size(); k++) {
                int i = fresh.get(k);
                ResponseService.Imported one = stored.get(k);
                ImportRow r = row(i);
                if (one.rejection() != null) {
                    decided.put(i, Outcome.rejected(one.rejection()));
                    refused.add(r.sourceId());
                    continue;
                }
                annotations.add(
                        new DelightedHistory.Annotation(one.response().id(), r.tags(), r.notes(), r.createdAt()));
                decided.put(i, Outcome.IMPORTED);
            }
            jobs.unclaim(ws, refused);
            delighted.annotateAll(ws, annotations);
            decided.forEach((i, outcome) -> outcomes[i] = outcome);
        }

        private ImportRow row(int i) {
            return results.get(i).row();
        }
    }

    /** People of the chunk created or matched in a few statements; by row index. */
    private Map<Integer, Contact> people(UUID ws, List<RowReader.Result> results) {
        List<Integer> rows = new ArrayList<>();
        List<ContactInput> inputs = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ImportRow r = results.get(i).row();
            if (r != null && (r.email() != null || r.externalId() != null)) {
                rows.add(i);
                inputs.add(new ContactInput(
                        r.externalId(),
                        r.email(),
                        r.phone() != null && PHONE.matcher(r.phone()).matches() ? r.phone() : null,
                        r.name() != null && r.name().length() <= 200 ? r.name() : null,
                        null,
                        null,
                        null));
            }
        }
        Map<Integer, Contact> found = new HashMap<>();
        if (inputs.isEmpty()) {
            return found;
        }
        try {
            List<ContactService.Upserted> upserted = savepoint.execute(s -> contacts.upsertAll(
                    ws, inputs, Collections.nCopies(inputs.size(), HISTORY), i -> "rows[" + i + "]"));
            for (int k = 0; k < rows.size(); k++) {
                found.put(rows.get(k), upserted.get(k).contact());
            }
        } catch (InvalidInputException clash) {
            for (int k = 0; k < rows.size(); k++) {
                ContactInput input = inputs.get(k);
                try {
                    found.put(
                            rows.get(k),
                            savepoint.execute(s -> contacts.upsert(ws, input)).contact());
                } catch (InvalidInputException one) {
                    // reported on the row
                }
            }
        }
        return found;
    }
}
