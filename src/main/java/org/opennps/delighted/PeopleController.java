package org.opennps.delighted;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactInput;
import org.opennps.contact.ContactService;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.TextRules;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Delighted's people: create or update a person and ask them, list people, withdraw a request. */
@RestController
class PeopleController {

    static final long MAX_DELAY_SECONDS = Duration.ofDays(365).toSeconds();
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().\\-/]{3,40}$");

    private final ContactService contacts;
    private final SurveyRequests requests;
    private final PersonViews views;
    private final RequestBodies bodies;
    private final DelightedGate gate;

    PeopleController(
            ContactService contacts,
            SurveyRequests requests,
            PersonViews views,
            RequestBodies bodies,
            DelightedGate gate) {
        this.contacts = contacts;
        this.requests = requests;
        this.views = views;
        this.bodies = bodies;
        this.gate = gate;
    }

    /** Upserts the person by e-mail and, unless {@code send=false}, schedules a survey e-mail. */
    @PostMapping({"/v1/people", "/v1/people.json"})
    Views.Person create(WorkspaceAccess access, HttpServletRequest request)
            throws IOException, HttpMediaTypeNotSupportedException {
        gate.enter(access);
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields f = JsonFields.of(bodies.read(request), "", violations);
        String channel = f.string("channel", 10, false);
        if (channel != null && !"email".equals(channel)) {
            f.reject("channel", "must be email; sms surveys are not supported");
        }
        String email = f.email("email", true);
        String phone = f.string("phone_number", 40, false);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            f.reject("phone_number", "must be a phone number such as +48 600 100 200");
        }
        String name = f.string("name", 200, false);
        Map<String, Object> properties =
                f.scalarMap("properties", ContactInput.MAX_ATTRIBUTES, ContactInput.MAX_ATTRIBUTE_LENGTH);
        Long delay = LenientFields.wholeNumber(f, "delay", 0, MAX_DELAY_SECONDS, false);
        Boolean send = LenientFields.flag(f, "send");
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        UUID ws = access.workspaceId();
        Contact person = contacts.upsert(ws, new ContactInput(null, email, phone, name, null, null, properties))
                .contact();
        Instant scheduled = Boolean.FALSE.equals(send)
                ? null
                : requests.schedule(ws, person, Duration.ofSeconds(delay == null ? 0 : delay))
                        .orElse(null);
        return views.of(ws, person, scheduled);
    }

    @GetMapping({"/v1/people", "/v1/people.json"})
    ResponseEntity<List<Views.Person>> list(
            WorkspaceAccess access,
            HttpServletRequest request,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(required = false) String page) {
        gate.enter(access);
        UUID ws = access.workspaceId();
        return Pagination.respond(
                request,
                contacts.list(ws, null, LenientFields.page(page, perPage)).map(c -> views.of(ws, c)));
    }

    /** Withdraws the person's survey requests that are still waiting. */
    @DeleteMapping({"/v1/people/{email}/survey_requests/pending", "/v1/people/{email}/survey_requests/pending.json"})
    Views.Ok deletePending(WorkspaceAccess access, @PathVariable String email) {
        gate.enter(access);
        Contact person = byEmail(access.workspaceId(), email);
        requests.cancelPending(access.workspaceId(), person.id());
        return Views.Ok.OK;
    }

    /** Erases a person given as their id, {@code email:<address>}; scores stay, anonymous. */
    @DeleteMapping({"/v1/people/{identifier}", "/v1/people/{identifier}.json"})
    Views.Ok delete(WorkspaceAccess access, @PathVariable String identifier) {
        gate.enter(access);
        UUID ws = access.workspaceId();
        Contact person;
        if (identifier.startsWith("email:")) {
            person = byEmail(ws, identifier.substring("email:".length()));
        } else {
            person = contacts.get(ws, PersonIds.parse("id", identifier));
        }
        contacts.erase(ws, person.id());
        return Views.Ok.OK;
    }

    private Contact byEmail(UUID workspaceId, String email) {
        String normalised = email == null ? "" : TextRules.normaliseEmail(email);
        if (!TextRules.isEmail(normalised)) {
            throw new InvalidInputException("person_email", "must be a valid e-mail address");
        }
        return contacts.findByEmail(workspaceId, normalised.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("Person"));
    }
}
