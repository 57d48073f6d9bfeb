package org.opennps.delighted;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
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
import org.opennps.response.Response;
import org.opennps.response.ResponseService;
import org.opennps.response.ScoredResponses;
import org.opennps.response.Submission;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.PageResult;
import org.opennps.shared.TextRules;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Delighted's survey responses: the scored answers to the workspace's Delighted survey. */
@RestController
class SurveyResponseController {

    private final ResponseService responses;
    private final ContactService contacts;
    private final DelightedSurvey survey;
    private final PersonViews people;
    private final RequestBodies bodies;
    private final DelightedGate gate;

    SurveyResponseController(
            ResponseService responses,
            ContactService contacts,
            DelightedSurvey survey,
            PersonViews people,
            RequestBodies bodies,
            DelightedGate gate) {
        this.responses = responses;
        this.contacts = contacts;
        this.survey = survey;
        this.people = people;
        this.bodies = bodies;
        this.gate = gate;
    }

    /** Records a response: {@code person} (id), {@code score}, {@code comment}, {@code person_properties}. */
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
        Map<String, Object> properties = f.scalarMap("person_properties", 100, 1000);
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
                "api",
                null,
                new Submission(score.intValue(), true, answers, true),
                properties == null ? Map.of() : properties);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(ws, recorded, false, new HashMap<>()));
    }

    @GetMapping({"/v1/survey_responses", "/v1/survey_responses.json"})
    ResponseEntity<List<Views.SurveyResponse>> list(
            WorkspaceAccess access,
            HttpServletRequest request,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String until,
            @RequestParam(required = false) String order,
            @RequestParam(name = "person_id", required = false) String personId,
            @RequestParam(name = "person_email", required = false) String personEmail) {
        gate.enter(access);
        UUID ws = access.workspaceId();
        PageResult.Request paging = LenientFields.page(page, perPage);
        boolean oldestFirst = oldestFirst(order);
        Instant from = LenientFields.unixTime("since", since);
        Instant to = LenientFields.unixTime("until", until);
        Optional<UUID> surveyId = survey.find(ws);
        Optional<UUID> contactId = contactFilter(ws, personId, personEmail);
        if (surveyId.isEmpty() || (contactId.isEmpty() && (personId != null || personEmail != null))) {
            return ResponseEntity.ok(List.of());
        }
        boolean expand = expandsPerson(request);
        Map<UUID, Views.Person> cache = new HashMap<>();
        PageResult<Response> found = responses.listScored(
                ws, new ScoredResponses(surveyId.get(), contactId.orElse(null), from, to, oldestFirst), paging);
        return Pagination.respond(request, found.map(r -> view(ws, r, expand, cache)));
    }

    private Optional<Contact> person(UUID ws, String personId, JsonFields f) {
        Optional<Contact> person;
        try {
            person = contacts.find(ws, UUID.fromString(personId));
        } catch (IllegalArgumentException e) {
            person = Optional.empty();
        }
        if (person.isEmpty()) {
            f.reject("person", "is not a person id of this account");
        }
        return person;
    }

    private Optional<UUID> contactFilter(UUID ws, String personId, String personEmail) {
        if (personId != null && !personId.isBlank()) {
            return contacts.find(ws, PersonIds.parse("person_id", personId)).map(Contact::id);
        }
        if (personEmail != null && !personEmail.isBlank()) {
            return contacts.findByEmail(ws, TextRules.normaliseEmail(personEmail))
                    .map(Contact::id);
        }
        return Optional.empty();
    }

    private static boolean oldestFirst(String order) {
        if (order == null || order.isBlank() || order.equals("asc")) {
            return true;
        }
        if (order.equals("desc")) {
            return false;
        }
        throw new InvalidInputException("order", "must be asc or desc");
    }

    private static boolean expandsPerson(HttpServletRequest request) {
        List<String> values = new ArrayList<>();
        for (String name : List.of("expand[]", "expand")) {
            String[] given = request.getParameterValues(name);
            if (given != null) {
                values.addAll(List.of(given));
            }
        }
        return values.stream()
                .flatMap(v -> List.of(v.split(",")).stream())
                .anyMatch(v -> v.trim().equals("person"));
    }

    private Views.SurveyResponse view(UUID ws, Response r, boolean expand, Map<UUID, Views.Person> cache) {
        Object person = r.contactId() == null ? null : r.contactId().toString();
        if (expand && r.contactId() != null) {
            person = cache.computeIfAbsent(
                    r.contactId(),
                    id -> contacts.find(ws, id).map(c -> people.of(ws, c)).orElse(null));
        }
        Object comment = r.answers().get(DelightedSurvey.COMMENT);
        return new Views.SurveyResponse(
                r.id().toString(),
                person,
                "nps",
                r.score(),
                comment instanceof String text ? text : null,
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/v1/responses/{id}")
                        .buildAndExpand(r.id())
                        .toUriString(),
                Views.unix(r.startedAt()),
                Views.unix(r.updatedAt()),
                r.contactAttributes(),
                List.of(),
                List.of(),
                List.of());
    }
}
