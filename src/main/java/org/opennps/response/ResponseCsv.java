package org.opennps.response;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opennps.shared.Coded;
import org.opennps.shared.PageResult;
import org.opennps.survey.Question;
import org.opennps.survey.QuestionType;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes responses as CSV while reading them, one column per question. Cells a spreadsheet would
 * run as a formula get a leading apostrophe; everything else is written as stored.
 */
@Component
public class ResponseCsv {

    private static final List<String> FIXED = List.of(
            "response_id",
            "survey_id",
            "campaign_id",
            "invitation_id",
            "contact_id",
            "channel",
            "score",
            "category",
            "confirmed",
            "locale",
            "started_at",
            "completed_at");

    private final ResponseRepository responses;
    private final SurveyService surveys;
    private final JsonMapper json;

    ResponseCsv(ResponseRepository responses, SurveyService surveys, JsonMapper json) {
        this.responses = responses;
        this.surveys = surveys;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public void write(UUID workspaceId, ResponseFilter filter, OutputStream out) {
        List<String> questions = questionIds(workspaceId, filter.surveyId());
        List<String> header = new ArrayList<>(FIXED);
        header.addAll(questions);
        header.add("contact_attributes");
        header.add("event_properties");
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = CSVFormat.RFC4180
                .builder()
                .setHeader(header.toArray(String[]::new))
                .get()
                .print(writer)) {
            responses.forEach(workspaceId, filter, r -> row(csv, r, questions));
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(CSVPrinter csv, Response r, List<String> questions) {
        List<Object> cells = new ArrayList<>(List.of(
                r.id(),
                r.surveyId(),
                text(r.campaignId()),
                text(r.invitationId()),
                text(r.contactId()),
                text(Coded.codeOf(r.channel())),
                text(r.score()),
                text(Coded.codeOf(r.category())),
                r.confirmed(),
                text(r.locale()),
                r.startedAt(),
                text(r.completedAt())));
        for (String id : questions) {
            cells.add(safe(answer(r.answers().get(id))));
        }
        cells.add(json.writeValueAsString(r.contactAttributes()));
        cells.add(json.writeValueAsString(r.eventProperties()));
        try {
            csv.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> questionIds(UUID workspaceId, UUID surveyId) {
        Set<String> ids = new LinkedHashSet<>();
        if (surveyId != null) {
            surveys.find(workspaceId, surveyId).ifPresent(s -> addQuestions(ids, s));
            return List.copyOf(ids);
        }
        PageResult<Survey> page;
        int n = 1;
        do {
            page = surveys.list(workspaceId, new PageResult.Request(n++, PageResult.MAX_SIZE));
            page.items().forEach(s -> addQuestions(ids, s));
        } while ((long) page.page() * page.size() < page.total());
        return List.copyOf(ids);
    }

    private static void addQuestions(Set<String> ids, Survey survey) {
        survey.questions().stream()
                .filter(q -> q.type() != QuestionType.NPS)
                .map(Question::id)
                .forEach(ids::add);
    }

    /** Several choices in one cell, separated by "; ". */
    private static String answer(Object value) {
        if (value instanceof Collection<?> values) {
            return String.join("; ", values.stream().map(String::valueOf).toList());
        }
        return value == null ? "" : String.valueOf(value);
    }

    private static String safe(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static Object text(Object value) {
        return value == null ? "" : value;
    }
}
