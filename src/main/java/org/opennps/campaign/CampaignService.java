package org.opennps.campaign;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.analytics.AnalyticsService;
import org.opennps.contact.Contact;
import org.opennps.shared.ConflictException;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.OutboundGuard;
import org.opennps.shared.PageResult;
import org.opennps.survey.SurveyService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Entry point of the campaign module: campaign definitions, their status, previews and journeys. */
@Service
public class CampaignService {

    private final CampaignRepository campaigns;
    private final CampaignDefinitions definitions;
    private final JourneyRepository journeys;
    private final SurveyService surveys;
    private final CampaignPreview previews;
    private final SchedulerClient scheduler;
    private final AnalyticsService analytics;
    private final AudienceEnrolment enrolment;
    private final JsonMapper json;
    private final Clock clock;
    private final OutboundGuard guard;

    CampaignService(
            CampaignRepository campaigns,
            CampaignDefinitions definitions,
            JourneyRepository journeys,
            SurveyService surveys,
            CampaignPreview previews,
            SchedulerClient scheduler,
            AnalyticsService analytics,
            AudienceEnrolment enrolment,
            JsonMapper json,
            Clock clock,
            OutboundGuard guard) {
        this.enrolment = enrolment;
        this.guard = guard;
        this.scheduler = scheduler;
        this.analytics = analytics;
        this.campaigns = campaigns;
        this.definitions = definitions;
        this.journeys = journeys;
        this.surveys = surveys;
        this.previews = previews;
        this.json = json;
        this.clock = clock;
    }

    /** Creates a campaign from its JSON; returns it as the API shows it. */
    @Transactional
    public JsonNode create(UUID workspaceId, JsonNode body) {
        body = withSecretsKept(body, null);
        CampaignDefinition d = validated(workspaceId, body);
        if ("active".equals(d.status())) {
            refuseUnsignedClientTrigger(body);
        }
        Instant now = now();
        UUID id = UUID.randomUUID();
        campaigns.insert(new CampaignRepository.Row(
                id, workspaceId, d.name(), d.surveyId(), d.status(), d.triggerEventType(), 1, stored(body), now, now));
        if ("active".equals(d.status())) {
            enroll(workspaceId, id, now);
        }
        return get(workspaceId, id);
    }

    /**
     * Saves a new version. Journeys already running keep the version they started with; new
     * trigger events use this one. Without {@code status} in the body the status is kept.
     */
    @Transactional
    public JsonNode update(UUID workspaceId, UUID id, JsonNode body) {
        CampaignRepository.Row current = row(workspaceId, id);
        body = withSecretsKept(body, json.readTree(current.definition()));
        CampaignDefinition d = validated(workspaceId, body);
        String status = body.has("status") ? d.status() : current.status();
        if ("active".equals(status)) {
            refuseUnsignedClientTrigger(body);
        }
        boolean saved = campaigns.update(new CampaignRepository.Row(
                id,
                workspaceId,
                d.name(),
                d.surveyId(),
                status,
                d.triggerEventType(),
                current.version() + 1,
                stored(body),
                current.createdAt(),
                now()));
        if (!saved) {
            throw new ConflictException("version", "The campaign was changed meanwhile; load it and try again.");
        }
        if ("active".equals(status)) {
            resumeHeld(id, now());
            enroll(workspaceId, id, now());
        }
        return get(workspaceId, id);
    }

    public JsonNode get(UUID workspaceId, UUID id) {
        return view(row(workspaceId, id));
    }

    public PageResult<JsonNode> list(UUID workspaceId, PageResult.Request page) {
        return campaigns.list(workspaceId, page).map(this::view);
    }

    /** {@code archived} true: only archived campaigns; false: the others; null: all. */
    public PageResult<JsonNode> list(UUID workspaceId, Boolean archived, PageResult.Request page) {
        return campaigns.list(workspaceId, archived, page).map(this::view);
    }

    /**
     * Active: matching events start journeys, and journeys held while the campaign was paused
     * resume now. Paused: none start, and journeys falling due are held.
     */
    @Transactional
    public JsonNode setStatus(UUID workspaceId, UUID id, String status) {
        CampaignRepository.Row current = row(workspaceId, id);
        if ("active".equals(status)) {
            refuseUnsignedClientTrigger(json.readTree(current.definition()));
        }
        Instant now = now();
        campaigns.setStatus(workspaceId, id, status, now);
        if ("active".equals(status)) {
            resumeHeld(id, now);
            enroll(workspaceId, id, now);
        }
        return get(workspaceId, id);
    }

    /**
     * Starts enrolling an audience campaign's matching contacts as a durable task (the request
     * returns at once; progress in the campaign's {@code enrolment}): one journey each, keyed
     * {@code (campaign, contact, "audience")}, so activating again, or a second node activating at
     * the same time, enrolls nobody twice; only contacts who newly match are added.
     */
    private void enroll(UUID workspaceId, UUID campaignId, Instant now) {
        CampaignRepository.Row row = campaigns.find(workspaceId, campaignId).orElseThrow();
        CampaignDefinition d = definitions.get(row.id(), row.version());
        if (d.audience() != null) {
            enrolment.start(workspaceId, campaignId, scheduler, now);
        }
    }

    /**
     * Moves every held journey of the campaign back to waiting and schedules its step, due now,
     * in a new generation. The conditional update lets one of two racing activations resume each
     * journey; the other one skips it.
     */
    private int resumeHeld(UUID campaignId, Instant now) {
        int resumed = 0;
        for (JourneyRepository.Held held : journeys.held(campaignId)) {
            if (journeys.resume(held.id(), held.resumes(), now)) {
                scheduler.scheduleIfNotExists(
                        JourneyTask.instance(held.id(), held.stepIndex(), held.resumes() + 1), now);
                resumed++;
            }
        }
        return resumed;
    }

    public PreviewResult preview(
            UUID workspaceId, UUID id, String eventType, Contact contact, Map<String, Object> properties) {
        CampaignRepository.Row row = row(workspaceId, id);
        CampaignDefinition d = definitions.get(row.id(), row.version());
        return previews.preview(workspaceId, id, d, row.status(), eventType, contact, properties, now());
    }

    public PageResult<Journey> journeys(UUID workspaceId, UUID id, String status, PageResult.Request page) {
        row(workspaceId, id);
        return journeys.list(workspaceId, id, status, page);
    }

    /**
     * Journeys per campaign, status and step in one grouped query: for one campaign (404 when it
     * is not the workspace's) or, with a null id, every campaign of the workspace.
     */
    public List<JourneyCount> journeyCounts(UUID workspaceId, UUID id) {
        if (id != null) {
            row(workspaceId, id);
        }
        return journeys.counts(workspaceId, id);
    }

    /**
     * A campaign whose trigger accepts events sent with the public key may only run when it also
     * requires a signed identity: otherwise anyone reading the key from a page could send an
     * event for any external id and have the server e-mail that person.
     */
    private static void refuseUnsignedClientTrigger(JsonNode body) {
        JsonNode trigger = body.path("trigger");
        if (trigger.path("accept_client_events").asBoolean(false)
                && !trigger.path("require_signed_identity").asBoolean(false)) {
            throw new InvalidInputException(
                    "trigger.require_signed_identity",
                    "must be true to activate a campaign with accept_client_events: unsigned client events name"
                            + " any external id the sender likes");
        }
    }

    private CampaignDefinition validated(UUID workspaceId, JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        CampaignDefinition d = CampaignReader.read(body, violations);
        if (violations.isEmpty()
                && d.surveyId() != null
                && surveys.find(workspaceId, d.surveyId()).isEmpty()) {
            violations.add(new FieldViolation("survey_id", "no such survey in this workspace"));
        }
        if (violations.isEmpty()) {
            for (int i = 0; i < d.steps().size(); i++) {
                if (d.steps().get(i) instanceof Step.Action action && action.url() != null) {
                    String field = "steps[" + i + "].url";
                    guard.problem(action.url()).ifPresent(p -> violations.add(new FieldViolation(field, p)));
                }
            }
        }
        if (violations.isEmpty() && d.audience() != null) {
            if (d.audience().surveyId() != null
                    && surveys.find(workspaceId, d.audience().surveyId()).isEmpty()) {
                violations.add(new FieldViolation("audience.survey_id", "no such survey in this workspace"));
            }
            if (d.resurvey() != null
                    && surveys.find(workspaceId, d.resurvey().surveyId()).isEmpty()) {
                violations.add(new FieldViolation("resurvey.survey_id", "no such survey in this workspace"));
            }
            try {
                analytics.respondents(workspaceId, d.audience().query()); // names unknown areas and themes
            } catch (InvalidInputException e) {
                e.violations().forEach(v -> violations.add(new FieldViolation("audience." + v.field(), v.message())));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return d;
    }

    private CampaignRepository.Row row(UUID workspaceId, UUID id) {
        return campaigns.find(workspaceId, id).orElseThrow(() -> new NotFoundException("Campaign"));
    }

    /** The definition as sent, without status (which the campaign row holds). */
    private String stored(JsonNode body) {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.remove(List.of("status", "id", "version", "created_at", "updated_at"));
        return json.writeValueAsString(copy);
    }

    /**
     * The body with the webhook action's secret resolved: a step that omits {@code secret} or
     * repeats the mask shown on read keeps the secret stored for the action of the current
     * version; {@code "secret": null} removes it. {@code secret_set} (shown on read) is dropped.
     * On create there is nothing to keep, so a mask is refused.
     */
    private JsonNode withSecretsKept(JsonNode body, JsonNode current) {
        if (!(body instanceof ObjectNode object) || !(body.get("steps") instanceof ArrayNode steps)) {
            return body;
        }
        ObjectNode copy = object.deepCopy();
        JsonNode storedSecret = current == null ? null : storedSecret(current);
        List<FieldViolation> violations = new ArrayList<>();
        ArrayNode copied = (ArrayNode) copy.get("steps");
        for (int i = 0; i < copied.size(); i++) {
            if (!(copied.get(i) instanceof ObjectNode step) || !"action".equals(text(step, "type"))) {
                continue;
            }
            step.remove("secret_set");
            JsonNode given = step.get("secret");
            boolean masked =
                    given != null && given.isString() && given.stringValue().startsWith(MASK);
            if (given == null || masked) {
                if (storedSecret != null) {
                    step.set("secret", storedSecret);
                } else if (masked) {
                    violations.add(new FieldViolation(
                            "steps[" + i + "].secret", "give the secret itself; no secret is stored to keep"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return copy;
    }

    private static JsonNode storedSecret(JsonNode definition) {
        if (definition.get("steps") instanceof ArrayNode steps) {
            for (JsonNode step : steps) {
                if ("action".equals(text(step, "type"))
                        && step.get("secret") != null
                        && step.get("secret").isString()) {
                    return step.get("secret");
                }
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /** Secrets are never shown again: the last four characters behind the mask, and {@code secret_set}. */
    static String masked(String secret) {
        return MASK + (secret.length() > 8 ? secret.substring(secret.length() - 4) : "");
    }

    static final String MASK = "••••";

    private JsonNode view(CampaignRepository.Row row) {
        ObjectNode view = json.createObjectNode();
        view.put("id", row.id().toString());
        ObjectNode definition = (ObjectNode) json.readTree(row.definition());
        if (definition.get("steps") instanceof ArrayNode steps) {
            for (JsonNode step : steps) {
                if (step instanceof ObjectNode s
                        && s.get("secret") != null
                        && s.get("secret").isString()) {
                    s.put("secret", masked(s.get("secret").stringValue()));
                    s.put("secret_set", true);
                }
            }
        }
        view.setAll(definition);
        view.put("status", row.status());
        view.put("version", row.version());
        view.put("created_at", row.createdAt().toString());
        view.put("updated_at", row.updatedAt().toString());
        enrolment.progress(row.workspaceId(), row.id()).ifPresent(p -> {
            ObjectNode progress = view.putObject("enrolment");
            progress.put("status", p.status());
            progress.put("matched", p.matched());
            progress.put("enrolled", p.enrolled());
            progress.put("started_at", p.startedAt().toString());
            if (p.finishedAt() != null) {
                progress.put("finished_at", p.finishedAt().toString());
            }
        });
        return view;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
