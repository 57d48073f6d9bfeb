package org.opennps.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.contact.Contact;
import org.opennps.shared.ConflictException;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.PageResult;
import org.opennps.survey.SurveyService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Entry point of the campaign module: campaign definitions, their status, previews and journeys. */
@Service
public class CampaignService {

    private final CampaignRepository campaigns;
    private final CampaignDefinitions definitions;
    private final JourneyRepository journeys;
    private final SurveyService surveys;
    private final CampaignPreview previews;
    private final JsonMapper json;
    private final Clock clock;

    CampaignService(
            CampaignRepository campaigns,
            CampaignDefinitions definitions,
            JourneyRepository journeys,
            SurveyService surveys,
            CampaignPreview previews,
            JsonMapper json,
            Clock clock) {
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
        CampaignDefinition d = validated(workspaceId, body);
        Instant now = now();
        UUID id = UUID.randomUUID();
        campaigns.insert(new CampaignRepository.Row(
                id, workspaceId, d.name(), d.surveyId(), d.status(), d.triggerEventType(), 1, stored(body), now, now));
        return get(workspaceId, id);
    }

    /**
     * Saves a new version. Journeys already running keep the version they started with; new
     * trigger events use this one. Without {@code status} in the body the status is kept.
     */
    @Transactional
    public JsonNode update(UUID workspaceId, UUID id, JsonNode body) {
        CampaignRepository.Row current = row(workspaceId, id);
        CampaignDefinition d = validated(workspaceId, body);
        String status = body.has("status") ? d.status() : current.status();
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
        return get(workspaceId, id);
    }

    public JsonNode get(UUID workspaceId, UUID id) {
        return view(row(workspaceId, id));
    }

    public PageResult<JsonNode> list(UUID workspaceId, PageResult.Request page) {
        return campaigns.list(workspaceId, page).map(this::view);
    }

    /** Active: matching events start journeys. Paused: none start, and waiting ones stop at their next step. */
    @Transactional
    public JsonNode setStatus(UUID workspaceId, UUID id, String status) {
        row(workspaceId, id);
        campaigns.setStatus(workspaceId, id, status, now());
        return get(workspaceId, id);
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

    private CampaignDefinition validated(UUID workspaceId, JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        CampaignDefinition d = CampaignReader.read(body, violations);
        if (violations.isEmpty()
                && d.surveyId() != null
                && surveys.find(workspaceId, d.surveyId()).isEmpty()) {
            violations.add(new FieldViolation("survey_id", "no such survey in this workspace"));
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

    private JsonNode view(CampaignRepository.Row row) {
        ObjectNode view = json.createObjectNode();
        view.put("id", row.id().toString());
        view.setAll((ObjectNode) json.readTree(row.definition()));
        view.put("status", row.status());
        view.put("version", row.version());
        view.put("created_at", row.createdAt().toString());
        view.put("updated_at", row.updatedAt().toString());
        return view;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
