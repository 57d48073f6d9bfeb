package org.opennps.response;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.contact.ContactInput;
import org.opennps.contact.ContactService;
import org.opennps.invitation.Channel;
import org.opennps.shared.Coded;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.PageResult;
import org.opennps.survey.ScoreCategory;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class ResponseController {

    private final ResponseService responses;
    private final ContactService contacts;
    private final ResponseCsv csv;
    private final ObjectProvider<ResponseThemes> themes;

    ResponseController(
            ResponseService responses,
            ContactService contacts,
            ResponseCsv csv,
            ObjectProvider<ResponseThemes> themes) {
        this.responses = responses;
        this.contacts = contacts;
        this.csv = csv;
        this.themes = themes;
    }

    /** A response with the themes of its comment (found once analytics has recorded it). */
    record ResponseWithThemes(@JsonUnwrapped Response response, List<ResponseThemes.Theme> themes) {}

    /** Records a complete response server-side: survey_id, contact, score, answers, channel. */
    @PostMapping("/api/v1/responses")
    ResponseEntity<Response> create(WorkspaceAccess access, @RequestBody JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields f = JsonFields.of(body, "", violations);
        UUID surveyId = uuid(f.string("survey_id", 36, true), "survey_id", f);
        JsonFields contactFields = f.object("contact", false);
        ContactInput contact = contactFields == null ? null : ContactInput.read(contactFields);
        Integer score = score(f);
        Map<String, Object> answers = answers(f);
        Channel channel = Channel.API;
        if (f.has("channel")) {
            String word = f.string("channel", 20, true);
            channel = Coded.find(Channel.class, word).orElse(null);
            if (word != null && channel == null) {
                f.reject("channel", "must be one of api, email, web, link, webhook");
            }
        }
        String locale = f.locale("locale");
        Instant createdAt = f.instant("created_at"); // when collected elsewhere; not in the future
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        UUID contactId = contact == null
                ? null
                : contacts.upsert(access.workspaceId(), contact).contact().id();
        Response response = responses.record(
                access.workspaceId(),
                surveyId,
                contactId,
                channel,
                locale,
                new Submission(score, true, answers, true),
                Map.of(),
                createdAt);
        return ResponseEntity.created(URI.create("/api/v1/responses/" + response.id()))
                .body(response);
    }

    @GetMapping("/api/v1/responses/{id}")
    ResponseWithThemes get(WorkspaceAccess access, @PathVariable UUID id) {
        Response response = responses.get(access.workspaceId(), id);
        ResponseThemes source = themes.getIfAvailable();
        return new ResponseWithThemes(
                response, source == null ? List.of() : source.of(access.workspaceId(), response.id()));
    }

    @GetMapping("/api/v1/responses")
    PageResult<Response> list(
            WorkspaceAccess access,
            @RequestParam(name = "survey_id", required = false) UUID surveyId,
            @RequestParam(name = "campaign_id", required = false) UUID campaignId,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String until,
            @RequestParam(required = false) ScoreCategory category,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        ResponseFilter filter = filter(surveyId, campaignId, since, until, category);
        return responses.list(access.workspaceId(), filter, PageResult.Request.of(page, size));
    }

    /** The same listing as CSV, written while it is read: one column per question. */
    @GetMapping("/api/v1/responses/export.csv")
    void export(
            WorkspaceAccess access,
            @RequestParam(name = "survey_id", required = false) UUID surveyId,
            @RequestParam(name = "campaign_id", required = false) UUID campaignId,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String until,
            @RequestParam(required = false) ScoreCategory category,
            HttpServletResponse response)
            throws IOException {
        ResponseFilter filter = filter(surveyId, campaignId, since, until, category);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"responses.csv\"");
        csv.write(access.workspaceId(), filter, response.getOutputStream());
    }

    static ResponseFilter filter(UUID surveyId, UUID campaignId, String since, String until, ScoreCategory category) {
        return ResponseFilter.of(surveyId, campaignId, time("since", since), time("until", until), category);
    }

    private static Instant time(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be an ISO-8601 time with offset, e.g. 2026-11-23T10:00:00Z");
        }
    }

    private static UUID uuid(String text, String name, JsonFields f) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            f.reject(name, "must be a UUID");
            return null;
        }
    }

    private static Integer score(JsonFields f) {
        if (!f.has("score")) {
            return null;
        }
        JsonNode node = f.raw("score");
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0 || node.asInt() > 10) {
            f.reject("score", "must be a whole number from 0 to 10");
            return null;
        }
        return node.asInt();
    }

    private static Map<String, Object> answers(JsonFields f) {
        Map<String, Object> answers = new LinkedHashMap<>();
        JsonNode node = f.raw("answers");
        if (node == null || node.isNull()) {
            return answers;
        }
        if (!node.isObject() || node.size() > 100) {
            f.reject("answers", "must be an object of question id → answer");
            return answers;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (v.isString()) {
                answers.put(e.getKey(), v.stringValue());
            } else if (v.isIntegralNumber() && v.canConvertToInt()) {
                answers.put(e.getKey(), v.asInt());
            } else if (v.isArray()) {
                List<Object> items = new ArrayList<>();
                v.forEach(item -> items.add(item.isString() ? item.stringValue() : item.toString()));
                answers.put(e.getKey(), items);
            } else if (v.isNull()) {
                answers.put(e.getKey(), null);
            } else {
                f.reject("answers." + e.getKey(), "must be a string, a whole number or a list of strings");
            }
        }
        return answers;
    }
}
