package org.opennps.delighted;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactService;
import org.opennps.invitation.Channel;
import org.opennps.response.Response;
import org.opennps.response.ResponseService;
import org.opennps.response.ScoredResponses;
import org.opennps.response.Submission;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.PageResult;
import org.opennps.shared.TextRules;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Delighted's survey responses: the scored answers to the workspace's Delighted survey. */
@RestController
class SurveyResponseController {

    static final int MAX_TAGS = 50;
    static final int MAX_NOTES = 100;

    private final ResponseService responses;
    private final ContactService contacts;
    private final DelightedSurvey survey;
    private final SurveyService surveys;
    private final RequestBodies bodies;
    private final DelightedGate gate;
    private final Pagination pagination;
    private final Trends trends;
    private final ResponseExtras extras;
    private final ResponseViews views;
    private final Clock clock;

    SurveyResponseController(
            ResponseService responses,
            ContactService contacts,
            DelightedSurvey survey,
            SurveyService surveys,
            RequestBodies bodies,
            DelightedGate gate,
            Pagination pagination,
            Trends trends,
            ResponseExtras extras,
            ResponseViews views,
            Clock clock) {
        this.responses = responses;
        this.contacts = contacts;
        this.survey = survey;
        this.surveys = surveys;
        this.bodies = bodies;
        this.gate = gate;
        this.pagination = pagination;
        this.trends = trends;
        this.extras = extras;
        this.views = views;
        this.clock = clock;
    }

    /**
     * Records a response: {@code person} (id), {@code score}, {@code comment},
     * {@code person_properties} and {@code created_at} (Unix seconds, when it was collected).
     */
    @PostMapping({"/v1/survey_responses", "/v1/survey_responses.json"})
    ResponseEntity<Views.SurveyResponse> create(WorkspaceAccess access, HttpServletRequest request)
            throws IOException, HttpMediaTypeNotSupportedException {
        gate.enter(access);
        UUID ws = access.workspaceId();
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields f = JsonFields.of(bodies.read(request), "", violations);
        String personId = f.string("person", 64, true);
        Long score = LenientFields.wholeNumber(f, "score", 0, 10, true);
        String comment = f.multiLineString("comment", 5000, false);
        Map<String, Object> properties = LenientFields.properties(f, "person_properties", 100, 1000);
        Long createdAt =
                LenientFields.wholeNumber(f, "created_at", 0, clock.instant().getEpochSecond(), false);
        Optional<Contact> person = personId == null ? Optional.empty() : person(ws, personId, f);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        if (comment != null && !comment.isBlank()) {
            answers.put(DelightedSurvey.COMMENT, comment);
        }
        Response recorded = responses.record(
                ws,
                survey.ensure(ws),
                person.orElseThrow().id(),
                Channel.API,
                null,
                new Submission(score.intValue(), true, answers, true),
                properties == null ? Map.of() : withoutNulls(properties),
                createdAt == null ? null : Instant.ofEpochSecond(createdAt));
        return ResponseEntity.status(HttpStatus.CREATED).body(views.one(ws, recorded, false));
    }

    /** One response of the account, with {@code expand[]=person} as in lists. */
    @GetMapping({"/v1/survey_responses/{id}", "/v1/survey_responses/{id}.json"})
    Views.SurveyResponse retrieve(WorkspaceAccess access, HttpServletRequest request, @PathVariable String id) {
        gate.enter(access);
        UUID ws = access.workspaceId();
        return views.one(ws, find(ws, id), ResponseViews.expands(request, "person"));
    }

    /**
     * Changes a response as Delighted's {@code save} sends it (the whole object it retrieved, or
     * only some fields): {@code person}, {@code score}, {@code comment}, {@code person_properties}
     * (merged), {@code tags} and {@code notes} (replaced), {@code additional_answers}. Fields
     * left out keep their value; read-only ones ({@code id}, {@code permalink}, times) are ignored.
     */
    @PutMapping({"/v1/survey_responses/{id}", "/v1/survey_responses/{id}.json"})
    Views.SurveyResponse update(WorkspaceAccess access, HttpServletRequest request, @PathVariable String id)
            throws IOException, HttpMediaTypeNotSupportedException {
        gate.enter(access);
        return update(access.workspaceId(), request, find(access.workspaceId(), id), bodies.read(request));
    }

    /** The official Node client's {@code save} puts to the collection, with the id in the body. */
    @PutMapping({"/v1/survey_responses", "/v1/survey_responses.json"})
    Views.SurveyResponse updateFromBody(WorkspaceAccess access, HttpServletRequest request)
            throws IOException, HttpMediaTypeNotSupportedException {
        gate.enter(access);
        JsonNode body = bodies.read(request);
        JsonNode id = body.path("id");
        if (!id.isString() && !id.isNumber()) {
            throw new InvalidInputException("id", "is required");
        }
        return update(access.workspaceId(), request, find(access.workspaceId(), id.asString()), body);
    }

    private Views.SurveyResponse update(UUID ws, HttpServletRequest request, Response current, JsonNode body) {
        Survey asked = surveys.get(ws, current.surveyId());
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields f = JsonFields.of(body, "", violations);
        UUID personId = null;
        JsonNode person = f.raw("person");
        if (person != null && !person.isNull()) {
            String given = person.isObject() ? person.path("id").asString("") : person.asString("");
            personId = person(ws, given, f).map(Contact::id).orElse(null);
        }
        Long score = LenientFields.wholeNumber(f, "score", 0, 10, false);
        Map<String, Object> answers = new LinkedHashMap<>();
        if (f.has("comment")) {
            String comment = f.raw("comment").isNull() ? "" : f.multiLineString("comment", 5000, false);
            if (asked.question(DelightedSurvey.COMMENT).isPresent()) {
                answers.put(DelightedSurvey.COMMENT, comment == null ? "" : comment);
            } else if (comment != null && !comment.isBlank()) {
                f.reject("comment", "this response's survey has no comment question");
            }
        }
        answers.putAll(AdditionalAnswers.read(asked, f.raw("additional_answers"), violations));
        Map<String, Object> properties = LenientFields.properties(f, "person_properties", 100, 1000);
        List<String> tags = tags(f);
        List<Views.Note> notes = notes(f, extras.of(ws, current.id()).notes());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Response changed = responses.amend(
                ws, current.id(), score == null ? null : score.intValue(), answers, properties, personId);
        if (tags != null || notes != null) {
            ResponseExtras.Extra before = extras.of(ws, current.id());
            extras.save(
                    ws,
                    current.id(),
                    new ResponseExtras.Extra(
                            tags == null ? before.tags() : tags, notes == null ? before.notes() : notes));
        }
        return views.one(ws, changed, ResponseViews.expands(request, "person"));
    }

    /**
     * Scored responses, oldest first unless {@code order=desc}; {@code order=asc:updated_at}
     * (or {@code desc:updated_at}) orders by the last change, for incremental syncs with
     * {@code updated_since}/{@code updated_until}. {@code trend} names another survey.
     */
    @GetMapping({"/v1/survey_responses", "/v1/survey_responses.json"})
    ResponseEntity<List<Views.SurveyResponse>> list(
            WorkspaceAccess access,
            HttpServletRequest request,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String until,
            @RequestParam(name = "updated_since", required = false) String updatedSince,
            @RequestParam(name = "updated_until", required = false) String updatedUntil,
            @RequestParam(required = false) String trend,
            @RequestParam(required = false) String order,
            @RequestParam(name = "person_id", required = false) String personId,
            @RequestParam(name = "person_email", required = false) String personEmail) {
        gate.enter(access);
        UUID ws = access.workspaceId();
        PageResult.Request paging = LenientFields.page(page, perPage);
        String direction = order == null || order.isBlank() ? "asc" : order.strip();
        boolean byUpdate = direction.endsWith(":updated_at");
        String way = byUpdate ? direction.substring(0, direction.indexOf(':')) : direction;
        if (!way.equals("asc") && !way.equals("desc")) {
            throw new InvalidInputException("order", "must be asc, desc, asc:updated_at or desc:updated_at");
        }
        Instant from = LenientFields.unixTime("since", since);
        Instant to = LenientFields.unixTime("until", until);
        Instant changedFrom = LenientFields.unixTime("updated_since", updatedSince);
        Instant changedTo = LenientFields.unixTime("updated_until", updatedUntil);
        Optional<UUID> surveyId = trends.survey(ws, trend);
        Optional<UUID> contactId = contactFilter(ws, personId, personEmail);
        if (surveyId.isEmpty() || (contactId.isEmpty() && (personId != null || personEmail != null))) {
            return ResponseEntity.ok(List.of());
        }
        PageResult<Response> found = responses.listScored(
                ws,
                new ScoredResponses(
                        surveyId.get(),
                        contactId.orElse(null),
                        from,
                        to,
                        way.equals("asc"),
                        changedFrom,
                        changedTo,
                        byUpdate),
                paging);
        List<Views.SurveyResponse> page1 = views.many(ws, found.items(), ResponseViews.expands(request, "person"));
        return pagination.respond(request, new PageResult<>(page1, found.page(), found.size(), found.total()));
    }

    private Response find(UUID ws, String id) {
        return PersonIds.find(id)
                .flatMap(uuid -> {
                    try {
                        return Optional.of(responses.get(ws, uuid));
                    } catch (NotFoundException e) {
                        return Optional.empty();
                    }
                })
                .orElseThrow(() -> new NotFoundException("Survey response"));
    }

    private Optional<Contact> person(UUID ws, String personId, JsonFields f) {
        Optional<Contact> person = PersonIds.find(personId).flatMap(id -> contacts.find(ws, id));
        if (person.isEmpty()) {
            f.reject("person", "is not a person id of this account");
        }
        return person;
    }

    private Optional<UUID> contactFilter(UUID ws, String personId, String personEmail) {
        if (personId != null && !personId.isBlank()) {
            return PersonIds.find(personId).flatMap(id -> contacts.find(ws, id)).map(Contact::id);
        }
        if (personEmail != null && !personEmail.isBlank()) {
            return contacts.findByEmail(ws, TextRules.normaliseEmail(personEmail))
                    .map(Contact::id);
        }
        return Optional.empty();
    }

    private static List<String> tags(JsonFields f) {
        JsonNode given = f.raw("tags");
        if (given == null || given.isNull()) {
            return null;
        }
        if (!given.isArray() || given.size() > MAX_TAGS) {
            f.reject("tags", "must be a list of at most " + MAX_TAGS + " texts");
            return null;
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : given) {
            String text = tag.isObject() ? tag.path("name").asString("") : tag.isString() ? tag.stringValue() : "";
            text = text.strip();
            if (text.isEmpty() || text.length() > 100 || TextRules.hasControlCharacters(text, false)) {
                f.reject("tags", "each tag is a text of 1 to 100 characters");
                return null;
            }
            if (!tags.contains(text)) {
                tags.add(text);
            }
        }
        return tags;
    }

    /** Notes as given: a known note (by id) keeps its author and time, a new one is stamped now. */
    private List<Views.Note> notes(JsonFields f, List<Views.Note> existing) {
        JsonNode given = f.raw("notes");
        if (given == null || given.isNull()) {
            return null;
        }
        if (!given.isArray() || given.size() > MAX_NOTES) {
            f.reject("notes", "must be a list of at most " + MAX_NOTES + " notes");
            return null;
        }
        Map<String, Views.Note> known = new HashMap<>();
        existing.forEach(n -> known.put(n.id(), n));
        List<Views.Note> notes = new ArrayList<>();
        for (JsonNode note : given) {
            String id = note.isObject() ? note.path("id").asString("") : "";
            String text = note.isObject() ? note.path("text").asString("") : note.isString() ? note.stringValue() : "";
            if (text.isBlank() || text.length() > 5000 || TextRules.hasControlCharacters(text, true)) {
                f.reject("notes", "each note is a text of 1 to 5000 characters");
                return null;
            }
            Views.Note before = known.get(id);
            notes.add(
                    before != null
                            ? new Views.Note(before.id(), text, before.userEmail(), before.createdAt())
                            : new Views.Note(
                                    UUID.randomUUID().toString(),
                                    text,
                                    null,
                                    clock.instant().getEpochSecond()));
        }
        return notes;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> properties) {
        Map<String, Object> kept = new LinkedHashMap<>(properties);
        kept.values().removeIf(java.util.Objects::isNull);
        return kept;
    }
}
