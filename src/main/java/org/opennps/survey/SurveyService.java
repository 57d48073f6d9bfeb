package org.opennps.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Entry point of the survey module: create, change and read surveys. */
@Service
public class SurveyService {

    private final SurveyRepository surveys;
    private final SurveyTemplates templates;
    private final Clock clock;

    SurveyService(SurveyRepository surveys, SurveyTemplates templates, Clock clock) {
        this.surveys = surveys;
        this.templates = templates;
        this.clock = clock;
    }

    /** The ready-made surveys, as GET /api/v1/survey-templates lists them. */
    public List<JsonNode> templates() {
        return templates.all();
    }

    /** A new survey made from the template of this key ({@code template} field of the template). */
    @Transactional
    public Survey createFromTemplate(UUID workspaceId, String template) {
        JsonNode body = templates.all().stream()
                .filter(t -> t.path("template").asString("").equals(template))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Survey template"));
        return create(workspaceId, read(body));
    }

    /** Validates a survey body as the API receives it; throws InvalidInputException. */
    public SurveyDraft read(JsonNode body) {
        return SurveyReader.read(body);
    }

    @Transactional
    public Survey create(UUID workspaceId, SurveyDraft draft) {
        Instant now = now();
        Survey survey = new Survey(
                UUID.randomUUID(),
                draft.name(),
                draft.questions(),
                draft.thankYou(),
                draft.invitationExpiry(),
                now,
                now,
                draft.display(),
                draft.title());
        surveys.insert(workspaceId, survey);
        return survey;
    }

    /** Replaces a survey's content; responses already given keep their answers. */
    @Transactional
    public Survey update(UUID workspaceId, UUID surveyId, SurveyDraft draft) {
        Survey current = get(workspaceId, surveyId);
        Survey updated = new Survey(
                current.id(),
                draft.name(),
                draft.questions(),
                draft.thankYou(),
                draft.invitationExpiry(),
                current.createdAt(),
                now(),
                draft.displayGiven() ? draft.display() : current.display(),
                draft.titleGiven() ? draft.title() : current.title());
        surveys.update(workspaceId, updated);
        return updated;
    }

    public Optional<Survey> find(UUID workspaceId, UUID surveyId) {
        return surveys.find(workspaceId, surveyId);
    }

    /** The survey, or NotFoundException (404) when the workspace has no such survey. */
    public Survey get(UUID workspaceId, UUID surveyId) {
        return find(workspaceId, surveyId).orElseThrow(() -> new NotFoundException("Survey"));
    }

    /** The workspace a survey belongs to: for public links, which carry only the survey id. */
    public Optional<UUID> workspaceOf(UUID surveyId) {
        return surveys.workspaceOf(surveyId);
    }

    public PageResult<Survey> list(UUID workspaceId, PageResult.Request page) {
        return surveys.list(workspaceId, page);
    }

    /** The workspace's surveys that have display rules, for the widget to choose from. */
    public List<Survey> withDisplay(UUID workspaceId) {
        return surveys.withDisplay(workspaceId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
