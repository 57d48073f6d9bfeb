package org.opennps.client;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.opennps.event.EventIntakeService;
import org.opennps.event.IntakeResult;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.workspace.Workspace;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a web page or an app may tell OpenNPS with the public key: who the visitor is and what
 * they did. A page can only name a visitor by the external id (or anonymous id) it passes; it
 * can never set e-mail, phone or name, so a public key cannot take over someone's contact data.
 */
@RestController
@RequestMapping("/api/v1/client/{publicKey}")
class ClientController {

    private static final Pattern ANONYMOUS_ID = Pattern.compile("^[A-Za-z0-9_-]{8,64}$");

    private final EventIntakeService intake;
    private final ClientProperties properties;
    private final JsonMapper json;

    ClientController(EventIntakeService intake, ClientProperties properties, JsonMapper json) {
        this.intake = intake;
        this.properties = properties;
        this.json = json;
    }

    /** {@code {"external_id":…,"attributes":{…}}}: creates or updates the visitor's contact. */
    @PostMapping("/identify")
    Map<String, Object> identify(HttpServletRequest request, @RequestBody JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields fields = JsonFields.of(body, "", violations);
        String visitor = visitor(fields);
        fields.scalarMap("attributes", 100, 1000);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        ObjectNode event = json.createObjectNode().put("type", "visitor.identified");
        ObjectNode contact = event.putObject("contact").put("external_id", visitor);
        if (body.has("attributes") && !body.get("attributes").isNull()) {
            contact.set("attributes", body.get("attributes"));
        }
        intake.ingest(workspace(request).id(), event, 1);
        return Map.of("external_id", visitor);
    }

    /**
     * One event or {@code {"events":[…]}}, each with {@code type}, {@code properties} and
     * {@code occurred_at} as on the server API; the visitor comes from {@code external_id} or
     * {@code anonymous_id} beside them, never from a contact object.
     */
    @PostMapping("/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    IntakeResult events(HttpServletRequest request, @RequestBody JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        String visitor = visitor(JsonFields.of(body, "", violations));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        ObjectNode rewritten = (ObjectNode) body.deepCopy();
        ArrayNode events = rewritten.has("events") && rewritten.get("events").isArray()
                ? (ArrayNode) rewritten.get("events")
                : null;
        if (events == null) {
            bindVisitor(rewritten, visitor);
        } else {
            events.forEach(e -> {
                if (e instanceof ObjectNode event) {
                    bindVisitor(event, visitor);
                }
            });
        }
        return intake.ingest(workspace(request).id(), rewritten, properties.maxEventsPerRequest());
    }

    /** The contact's external id: the site's own id, or "anon:" + the widget's random id. */
    private static String visitor(JsonFields fields) {
        String externalId = fields.string("external_id", 200, false);
        if (externalId != null) {
            return externalId;
        }
        String anonymous = fields.token(
                "anonymous_id", ANONYMOUS_ID, "must be 8-64 letters, digits, _ or -", !fields.has("external_id"));
        return anonymous == null ? null : "anon:" + anonymous;
    }

    private static void bindVisitor(ObjectNode event, String visitor) {
        event.remove(List.of("external_id", "anonymous_id"));
        event.putObject("contact").put("external_id", visitor);
    }

    private static Workspace workspace(HttpServletRequest request) {
        return (Workspace) request.getAttribute(ClientGate.WORKSPACE);
    }
}
