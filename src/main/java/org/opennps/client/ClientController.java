package org.opennps.client;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.opennps.event.EventIntakeService;
import org.opennps.event.IngestedEvent;
import org.opennps.event.IntakeResult;
import org.opennps.response.Response;
import org.opennps.shared.Coded;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.Problems;
import org.opennps.shared.RateLimiter;
import org.opennps.survey.SurveyDisplay;
import org.opennps.workspace.Workspace;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a web page or an app may do with the public key: say who the visitor is and what they
 * did, ask which survey is due, report its display and send the answers. A page can only name a
 * visitor by the external id (or anonymous id) it passes, signed with {@code user_hash} when
 * the workspace requires it; it can never set e-mail, phone or name, so a public key cannot take
 * over someone's contact data. Its events are marked as client-sourced (signed or not) and start
 * no campaign unless the campaign accepts signed client events; {@code identify} sets only the
 * workspace's client-writable attributes, never one the server set.
 */
@RestController
@RequestMapping("/api/v1/client/{publicKey}")
class ClientController {

    private static final Pattern ANONYMOUS_ID = Pattern.compile("^[A-Za-z0-9_-]{8,64}$");

    private final EventIntakeService intake;
    private final ClientProperties properties;
    private final ClientSurveys surveys;
    private final IdentitySecrets identities;
    private final ClientAttributes attributes;
    private final RateLimiter limiter;
    private final JsonMapper json;

    ClientController(
            EventIntakeService intake,
            ClientProperties properties,
            ClientSurveys surveys,
            IdentitySecrets identities,
            ClientAttributes attributes,
            RateLimiter limiter,
            JsonMapper json) {
        this.limiter = limiter;
        this.attributes = attributes;
        this.intake = intake;
        this.properties = properties;
        this.surveys = surveys;
        this.identities = identities;
        this.json = json;
    }

    /** {@code {"external_id":…,"attributes":{…},"user_hash":…}}: creates or updates the visitor's contact. */
    @PostMapping("/identify")
    Map<String, Object> identify(HttpServletRequest request, @RequestBody JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields fields = JsonFields.of(body, "", violations);
        String visitor = visitor(fields);
        String hash = fields.string("user_hash", 200, false);
        Map<String, Object> wanted = fields.scalarMap("attributes", 100, 1000);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Workspace ws = workspace(request);
        boolean signed = identities.verify(ws, visitor, hash);
        Map<String, Object> written = wanted == null ? Map.of() : wanted;
        attributes.check(ws.id(), visitor, written);
        ObjectNode event = json.createObjectNode().put("type", "visitor.identified");
        ObjectNode contact = event.putObject("contact").put("external_id", visitor);
        if (!written.isEmpty()) {
            contact.set("attributes", body.get("attributes"));
        }
        intake.ingest(ws.id(), event, 1, source(signed));
        attributes.remember(ws.id(), visitor, written);
        return Map.of("external_id", visitor);
    }

    /**
     * One event or {@code {"events":[…]}}, each with {@code type}, {@code properties} and
     * {@code occurred_at} as on the server API; the visitor comes from {@code external_id} or
     * {@code anonymous_id} (and {@code user_hash}) beside them, never from a contact object.
     */
    @PostMapping("/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    IntakeResult events(HttpServletRequest request, @RequestBody JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields fields = JsonFields.of(body, "", violations);
        String visitor = visitor(fields);
        String hash = fields.string("user_hash", 200, false);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Workspace ws = workspace(request);
        boolean signed = identities.verify(ws, visitor, hash);
        ObjectNode rewritten = (ObjectNode) body.deepCopy();
        rewritten.remove("user_hash");
        ArrayNode events = rewritten.has("events") && rewritten.get("events").isArray()
                ? (ArrayNode) rewritten.get("events")
                : null;
        if (events == null) {
            bindVisitor(rewritten, visitor);
        } else {
            rewritten.remove(List.of("external_id", "anonymous_id"));
            events.forEach(e -> {
                if (e instanceof ObjectNode event) {
                    bindVisitor(event, visitor);
                }
            });
        }
        return intake.ingest(ws.id(), rewritten, properties.maxEventsPerRequest(), source(signed));
    }

    /**
     * The survey due for this visitor now ({@code 200} with a display token), or {@code 204}.
     * {@code trigger} is what happened on the page; {@code slot} names an inline slot instead.
     */
    @GetMapping("/next")
    ResponseEntity<WidgetSurvey> next(
            HttpServletRequest request,
            @RequestParam(name = "external_id", required = false) String externalId,
            @RequestParam(name = "anonymous_id", required = false) String anonymousId,
            @RequestParam(name = "user_hash", required = false) String userHash,
            @RequestParam(required = false) String trigger,
            @RequestParam(required = false) String slot,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String locale) {
        ObjectNode query = json.createObjectNode();
        query.put("external_id", externalId).put("anonymous_id", anonymousId).put("locale", locale);
        query.put("trigger", trigger).put("slot", slot).put("url", url);
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields fields = JsonFields.of(query, "", violations);
        String visitor = visitor(fields);
        String triggerName = fields.token(
                "trigger",
                SurveyDisplay.TRIGGER,
                "must be exit_intent, delay, page_view, manual or event:<type>",
                false);
        String slotName = fields.token("slot", SurveyDisplay.SLOT, "must be 1-64 letters, digits, _ or -", false);
        String page = fields.string("url", 500, false);
        String wanted = fields.locale("locale");
        if (triggerName == null && slotName == null) {
            fields.reject("trigger", "name a trigger or a slot");
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Workspace ws = workspace(request);
        identities.verify(ws, visitor, userHash);
        return surveys.next(ws, new ClientSurveys.Ask(visitor, triggerName, slotName, page, wanted))
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** {@code {"status":"shown|dismissed"}}: a dismissal counts as asked for the recontact window. */
    @PostMapping("/displays/{token}")
    ResponseEntity<Void> display(HttpServletRequest request, @PathVariable String token, @RequestBody JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        String status = JsonFields.of(body, "", violations)
                .token("status", Pattern.compile("^(shown|dismissed)$"), "must be shown or dismissed", true);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        surveys.display(workspace(request), token, status);
        return ResponseEntity.noContent().build();
    }

    /** {@code {"score":7,"answers":{…},"user_hash":…}}: the visitor's complete answer. */
    @PostMapping("/responses/{token}")
    ResponseEntity<Map<String, Object>> respond(
            HttpServletRequest request, @PathVariable String token, @RequestBody JsonNode body) {
        Workspace ws = workspace(request);
        Display display = surveys.byToken(ws, token);
        limiter.check(
                "client-answer|" + display.surveyId() + "|" + request.getRemoteAddr(),
                properties.answersPerHour(),
                Duration.ofHours(1));
        limiter.check(
                "client-survey|" + display.surveyId(), properties.surveyAnswersPerMinute(), Duration.ofMinutes(1));
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields fields = JsonFields.of(body, "", violations);
        String hash = fields.string("user_hash", 200, false);
        JsonNode scoreNode = body.get("score");
        Integer score = scoreNode != null && scoreNode.isIntegralNumber() && scoreNode.canConvertToInt()
                ? Integer.valueOf(scoreNode.asInt())
                : null;
        if (scoreNode != null && !scoreNode.isNull() && score == null) {
            fields.reject("score", "must be a whole number from 0 to 10");
        }
        JsonNode answersNode = body.get("answers");
        if (answersNode != null && !answersNode.isNull() && !answersNode.isObject()) {
            fields.reject("answers", "must be an object of question id → answer");
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        identities.verify(ws, display.externalId(), hash);
        Map<String, Object> answers = answersNode == null || answersNode.isNull()
                ? Map.of()
                : json.convertValue(answersNode, LinkedHashMap.class);
        Response response = surveys.respond(ws, display, score, answers);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("response_id", response.id().toString());
        view.put("score", response.score());
        view.put("category", Coded.codeOf(response.category()));
        view.put("answers", response.answers());
        view.put("completed", response.completed());
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    @ExceptionHandler(IdentityRejectedException.class)
    ResponseEntity<ProblemDetail> identityRejected(IdentityRejectedException e) {
        HttpStatus status = e.missing() ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
        return ResponseEntity.status(status)
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.of(status, e.missing() ? "identity-required" : "identity-mismatch", e.getMessage()));
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

    private static String source(boolean signed) {
        return signed ? IngestedEvent.CLIENT_SIGNED : IngestedEvent.CLIENT;
    }

    private static void bindVisitor(ObjectNode event, String visitor) {
        event.remove(List.of("external_id", "anonymous_id", "user_hash"));
        event.putObject("contact").put("external_id", visitor);
    }

    private static Workspace workspace(HttpServletRequest request) {
        return (Workspace) request.getAttribute(ClientGate.WORKSPACE);
    }
}
