package org.opennps.imports;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opennps.delighted.DelightedHistory;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.PayloadTooLargeException;
import org.opennps.survey.SurveyService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Entry point of the imports module: accept a file, start its import, report its progress. */
@Service
public class ImportService {

    public static final Set<String> FORMATS = Set.of("delighted", "csv", "jsonl");
    static final int PART = 256 * 1024;

    private final ImportRepository jobs;
    private final SurveyService surveys;
    private final DelightedHistory delighted;
    private final SchedulerClient scheduler;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final long maxBytes;

    ImportService(
            ImportRepository jobs,
            SurveyService surveys,
            DelightedHistory delighted,
            SchedulerClient scheduler,
            JsonMapper json,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${opennps.imports.max-file-size:2GB}") DataSize maxFileSize) {
        this.jobs = jobs;
        this.surveys = surveys;
        this.delighted = delighted;
        this.scheduler = scheduler;
        this.json = json;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.maxBytes = maxFileSize.toBytes();
    }

    /** What to import; {@code surveyId} null means the workspace's Delighted survey. */
    public record Request(String format, UUID surveyId, String mapping, boolean dryRun, String fileName) {}

    /**
     * Stores the file in the database, part by part (never whole in memory), and schedules its
     * import in the same transaction; returns the running job.
     */
    public ImportJob start(UUID workspaceId, Request request, InputStream file) throws IOException {
        String format = request.format() == null ? "" : request.format().strip();
        if (!FORMATS.contains(format)) {
            throw new InvalidInputException("format", "must be delighted, csv or jsonl");
        }
        String mapping = mapping(format, request.mapping());
        UUID surveyId = request.surveyId();
        if (surveyId != null) {
            surveys.find(workspaceId, surveyId)
                    .orElseThrow(() -> new InvalidInputException("survey_id", "is not a survey of this workspace"));
        } else {
            surveyId = delighted.survey(workspaceId);
        }
        UUID id = UUID.randomUUID();
        UUID survey = surveyId;
        String name = request.fileName() == null
                ? null
                : request.fileName().length() > 200 ? request.fileName().substring(0, 200) : request.fileName();
        transaction.executeWithoutResult(status -> {
            jobs.insert(id, workspaceId, format, survey, mapping, request.dryRun(), name, clock.instant());
            try {
                long bytes = 0;
                int seq = 0;
                byte[] buffer;
                while ((buffer = file.readNBytes(PART)).length > 0) {
                    bytes += buffer.length;
                    if (bytes > maxBytes) {
                        throw new PayloadTooLargeException(maxBytes);
                    }
                    jobs.insertPart(id, seq++, buffer);
                }
                if (bytes == 0) {
                    throw new InvalidInputException("file", "is empty");
                }
                jobs.fileBytes(id, bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // whole seconds: a finer time may be rounded up when stored, and then not be due yet
            scheduler.scheduleIfNotExists(
                    ImportTask.instance(id), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        });
        return get(workspaceId, id);
    }

    public ImportJob get(UUID workspaceId, UUID id) {
        return jobs.find(workspaceId, id).orElseThrow(() -> new NotFoundException("Import"));
    }

    /** The workspace's latest imports, newest first. */
    public List<ImportJob> list(UUID workspaceId) {
        return jobs.list(workspaceId, 50);
    }

    /** A csv import's mapping, checked: column name → target; other formats take none. */
    private String mapping(String format, String given) {
        if (!format.equals("csv")) {
            return null;
        }
        if (given == null || given.isBlank()) {
            throw new InvalidInputException("mapping", "is required for a csv import: {\"column\":\"target\", …}");
        }
        JsonNode node;
        try {
            node = json.readTree(given);
        } catch (JacksonException e) {
            throw new InvalidInputException("mapping", "must be a JSON object");
        }
        if (!node.isObject()) {
            throw new InvalidInputException("mapping", "must be a JSON object");
        }
        Map<String, String> checked = new LinkedHashMap<>();
        for (var entry : node.properties()) {
            String target = entry.getValue().asString("");
            boolean known = RowReader.TARGETS.contains(target)
                    || (target.startsWith("property:") && target.length() > "property:".length())
                    || (target.startsWith("answer:") && target.length() > "answer:".length());
            if (!known) {
                throw new InvalidInputException(
                        "mapping." + entry.getKey(),
                        "must be one of "
                                + String.join(
                                        ", ",
                                        RowReader.TARGETS.stream().sorted().toList())
                                + ", property:<name> or answer:<question id>");
            }
            checked.put(entry.getKey().strip(), target);
        }
        if (!checked.containsValue("source_id") || !checked.containsValue("score")) {
            throw new InvalidInputException("mapping", "must map a column to source_id and one to score");
        }
        return json.writeValueAsString(checked);
    }
}
