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
import org.opennps.contact.ContactQuery;
import org.opennps.contact.ContactService;
import org.opennps.invitation.Channel;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.TextRules;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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
    private final Pagination pagination;

    PeopleController(
            ContactService contacts,
            SurveyRequests requests,
            PersonViews views,
            RequestBodies bodies,
            DelightedGate gate,
            Pagination pagination) {
        this.pagination = pagination;
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
        if (channel != null && !Channel.EMAIL.code().equals(channel)) {
            f.reject("channel", "must be email; sms surveys are not supported");
        }
        String email = f.email("email", true);
        String phone = f.string("phone_number", 40, false);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            f.reject("phone_number", "must be a phone number such as +48 600 100 200");
        }
        String name = f.string("name", 200, false);
        Map<String, Object> properties = LenientFields.properties(
                f, "properties", ContactInput.MAX_ATTRIBUTES, ContactInput.MAX_ATTRIBUTE_LENGTH);
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
        return views.withProperties(ws, person, scheduled);
    }

    /**
     * The official Node client's {@code person.save}: the person it holds, put back. Updates the
     * person found by {@code id} (else by {@code email}) with {@code name}, {@code phone_number}
     * and {@code properties}, and never schedules a survey.
     */
    @PutMapping({"/v1/people", "/v1/people.json"})
    Views.Person save(WorkspaceAccess access, HttpServletRequest request)
            throws IOException, HttpMediaTypeNotSupportedException {
        gate.enter(access);
        UUID ws = access.workspaceId();
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields f = JsonFields.of(bodies.read(request), "", violations);
        String id = f.string("id", 64, false);
        String email = f.email("email", id == null);
        String phone = f.string("phone_number", 40, false);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            f.reject("phone_number", "must be a phone number such as +48 600 100 200");
        }
        String name = f.string("name", 200, false);
        Map<String, Object> properties = LenientFields.properties(
                f, "properties", ContactInput.MAX_ATTRIBUTES, ContactInput.MAX_ATTRIBUTE_LENGTH);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Contact known = id != null ? identified(ws, id) : byEmail(ws, email);
        Contact person = contacts.upsert(
                        ws,
                        new ContactInput(
                                known.externalId(),
                                known.email() != null ? known.email() : email, // the e-mail is the key
                                phone,
                                name,
                                null,
                                null,
                                properties))
                .contact();
        return views.withProperties(ws, person, null);
    }

    /**
     * People oldest first, as Delighted lists them, optionally one {@code email} or
     * {@code phone_number}, created from {@code since} to {@code until} (inclusive). Pages follow
     * a cursor ({@code page_info} in the {@code Link} URL): a person added between two requests
     * is newer than the cursor, so no one is listed twice and no one is skipped.
     */
    @GetMapping({"/v1/people", "/v1/people.json"})
    ResponseEntity<List<Views.Person>> list(
            WorkspaceAccess access,
            HttpServletRequest request,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(name = "page_info", required = false) String pageInfo,
            @RequestParam(required = false) String email,
            @RequestParam(name = "phone_number", required = false) String phone,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String until) {
        gate.enter(access);
        UUID ws = access.workspaceId();
        int size = LenientFields.page(null, perPage).size();
        if (email != null && !email.isBlank() && phone != null && !phone.isBlank()) {
            throw new InvalidInputException("phone_number", "may not be given together with email");
        }
        PeopleCursor after = PeopleCursor.parse(pageInfo);
        ContactQuery query = new ContactQuery(
                email == null || email.isBlank() ? null : TextRules.normaliseEmail(email),
                phone == null || phone.isBlank() ? null : phone.strip(),
                LenientFields.unixTime("since", since),
                LenientFields.unixTime("until", until),
                after == null ? null : after.createdAt(),
                after == null ? null : after.id(),
                size + 1);
        List<Contact> found = contacts.listOldestFirst(ws, query);
        List<Contact> shown = found.size() > size ? found.subList(0, size) : found;
        String next = found.size() > size ? PeopleCursor.of(shown.getLast()) : null;
        return pagination.respond(
                request, shown.stream().map(c -> views.of(ws, c)).toList(), next);
    }

    /** One person by id, {@code email:<address>} or {@code phone_number:<number>}, with properties. */
    @GetMapping({"/v1/people/{identifier}", "/v1/people/{identifier}.json"})
    Views.Person retrieve(WorkspaceAccess access, @PathVariable String identifier) {
        gate.enter(access);
        UUID ws = access.workspaceId();
        return views.withProperties(ws, identified(ws, identifier), null);
    }

    /** Withdraws the person's survey requests that are still waiting. */
    @DeleteMapping({"/v1/people/{email}/survey_requests/pending", "/v1/people/{email}/survey_requests/pending.json"})
    Views.Ok deletePending(WorkspaceAccess access, @PathVariable String email) {
        gate.enter(access);
        Contact person = byEmail(access.workspaceId(), email);
        requests.cancelPending(access.workspaceId(), person.id());
        return Views.Ok.OK;
    }

    /**
     * Erases a person given as their id, {@code email:<address>} or {@code phone_number:<number>};
     * scores stay, anonymous. 202 as Delighted answers (it erases later; OpenNPS has done it).
     */
    @DeleteMapping({"/v1/people/{identifier}", "/v1/people/{identifier}.json"})
    ResponseEntity<Views.Ok> delete(WorkspaceAccess access, @PathVariable String identifier) {
        gate.enter(access);
        UUID ws = access.workspaceId();
        contacts.erase(ws, identified(ws, identifier).id());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Views.Ok.OK);
    }

    private Contact identified(UUID ws, String identifier) {
        if (identifier.startsWith("email:")) {
            return byEmail(ws, identifier.substring("email:".length()));
        }
        if (identifier.startsWith("phone_number:")) {
            String phone = identifier.substring("phone_number:".length()).strip();
            return contacts.listOldestFirst(ws, new ContactQuery(null, phone, null, null, null, null, 1)).stream()
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("Person"));
        }
        // Delighted's ids are numbers: one of them (or any other stranger) is simply not found here
        return PersonIds.find(identifier)
                .flatMap(id -> contacts.find(ws, id))
                .orElseThrow(() -> new NotFoundException("Person"));
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
