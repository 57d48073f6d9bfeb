package org.opennps.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactService;
import org.opennps.response.Response;
import org.opennps.response.ResponseService;
import org.opennps.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Delighted's webhook events for subscriptions with {@code "format":"delighted"}:
 * {@code survey_response.created} (a response's first score), {@code survey_response.updated}
 * and {@code unsubscribe.created}, each posted as
 * {@code {"event_type","event_id","event_data"}} with the survey response (person expanded,
 * times in Unix seconds) or the opt-out, as Delighted posted them.
 */
@Component
class DelightedBodies {

    /** Delighted's event names and the OpenNPS events they come from. */
    static final Map<String, String> EVENTS = Map.of(
            "survey_response.created", "response.scored",
            "survey_response.updated", "response.updated",
            "unsubscribe.created", "contact.unsubscribed");

    private final ResponseService responses;
    private final ContactService contacts;
    private final String publicUrl;

    DelightedBodies(
            ResponseService responses,
            ContactService contacts,
            @Value("${opennps.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
        this.responses = responses;
        this.contacts = contacts;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The Delighted event for an OpenNPS one, or null when Delighted had none. */
    static String eventFor(String event) {
        return EVENTS.entrySet().stream()
                .filter(e -> e.getValue().equals(event))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    /** The body, or empty when the thing it describes is gone (an erased person). */
    Optional<Map<String, Object>> body(UUID workspaceId, String event, Map<String, Object> data) {
        String type = eventFor(event);
        if (type == null) {
            return Optional.empty();
        }
        Map<String, Object> eventData;
        if (type.startsWith("survey_response.")) {
            Response r;
            try {
                r = responses.get(workspaceId, UUID.fromString(String.valueOf(data.get("response_id"))));
            } catch (NotFoundException | IllegalArgumentException e) {
                return Optional.empty();
            }
            eventData = response(workspaceId, r);
        } else {
            Optional<Contact> person =
                    contacts.find(workspaceId, UUID.fromString(String.valueOf(data.get("contact_id"))));
            if (person.isEmpty()) {
                return Optional.empty();
            }
            eventData = new LinkedHashMap<>();
            eventData.put("person_id", person.get().id().toString());
            eventData.put("email", person.get().email());
            eventData.put("name", person.get().name());
            eventData.put("unsubscribed_at", unix(person.get().unsubscribedAt()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_type", type);
        body.put("event_id", UUID.randomUUID().toString());
        body.put("event_data", eventData);
        return Optional.of(body);
    }

    private Map<String, Object> response(UUID workspaceId, Response r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id().toString());
        Object person = null;
        if (r.contactId() != null) {
            person = contacts.find(workspaceId, r.contactId())
                    .<Object>map(c -> {
                        Map<String, Object> p = new LinkedHashMap<>();
                        p.put("id", c.id().toString());
                        p.put("email", c.email());
                        p.put("name", c.name());
                        p.put("phone_number", c.phone());
                        p.put("created_at", unix(c.createdAt()));
                        return p;
                    })
                    .orElse(r.contactId().toString());
        }
        out.put("person", person);
        out.put("survey_type", "nps");
        out.put("score", r.score());
        Object comment = r.answers().get("comment");
        out.put("comment", comment instanceof String text ? text : null);
        out.put("permalink", publicUrl + "/responses/" + r.id());
        out.put("created_at", unix(r.startedAt()));
        out.put("updated_at", unix(r.updatedAt()));
        out.put("person_properties", r.contactAttributes());
        out.put("notes", List.of());
        out.put("tags", List.of());
        out.put("additional_answers", List.of());
        return out;
    }

    private static Long unix(Instant t) {
        return t == null ? null : t.getEpochSecond();
    }
}
